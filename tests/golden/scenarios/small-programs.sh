# the small programs and shell details students hit: argv[0] in errors, ${!ref}, digests, diff, timeout
docker run --rm alpine /bin/sh -c nope
docker run --rm debian /bin/sh -c nope
docker run --rm debian /bin/bash -c 'a=b; b=c; echo ${!a}; echo ${!nope}'
docker run --rm debian sh -c 'a=b; echo ${!a}'
docker run --rm python:3.13 python3 -VV
docker run --rm node:14 tar --version
docker run -it debian
printf 'uno\ndos\ntres\n' > a; printf 'uno\nDOS\ntres\ncuatro\n' > b
diff a b; echo $?
diff -u a b | tail -n +3
echo -n hola | sha256sum
sha256sum a b > sumas; echo x >> b; sha256sum -c sumas
tac a | nl
paste a b
yes | head -2
echo hola | base64 | base64 -d
timeout 2 sleep 10; echo $?
exit
docker run -it alpine
printf 'a\nb\n' > x; printf 'a\nc\n' > y; diff x y
timeout 1 sleep 5; echo $?
exit
docker save -o alpine.tar alpine
mkdir img && cd img && tar xf ../alpine.tar
sha256sum blobs/sha256/*
