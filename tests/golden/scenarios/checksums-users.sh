# md5sum, sha1sum and sha256sum (GNU and busybox), rm -r, cp and mv as a user, nginx and httpd as a user, apk's options
docker run --rm debian bash -c 'echo hola > f; md5sum f; sha1sum -b f; sha256sum --tag f; md5sum f > s; echo "00000000000000000000000000000000  nope" >> s; md5sum -c s; echo $?'
docker run --rm alpine sh -c 'echo hola > f; md5sum f > s; echo x >> s; md5sum -c s; echo $?; sha1sum f'
docker run --rm -u 1000 debian bash -c 'cd /tmp; mkdir -p d/sub; touch d/sub/f d/top; chmod 555 d/sub; mkdir ro; chmod 555 ro; cp d/top ro/; mv d ro/; rm -rf d; echo $?'
docker run --rm -u 1000 alpine sh -c 'cd /tmp; mkdir -p d/sub; touch d/sub/f d/top; chmod 555 d/sub; rm -rf d; echo $?'
docker run -u 1000 nginx
docker run -u nobody httpd
docker ps -a
docker run --rm alpine apk add --virtual
