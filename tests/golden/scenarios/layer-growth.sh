# a writable layer that grows: dd, truncate and fallocate make big files; gzip, od, expr and mktemp around them
docker run -it --name capa debian
dd if=/dev/zero of=/grande bs=1M count=10
ls -lh /grande; du -h /grande
truncate -s 5M /medio; fallocate -l 2M /chico
gzip -k /grande; ls -l /grande.gz
od -c /chico | head -3
expr $(stat -c %s /grande) / 1024
f=$(mktemp); echo $f | cut -c1-9
dd if=/nada of=/x; echo $?
exit
docker ps -a -s --format '{{.Names}} {{.Size}}'
docker diff capa
docker commit capa grande:1 > /dev/null
docker history grande:1 --format '{{.Size}}' | head -1
docker run -it alpine
dd if=/dev/zero of=/b bs=1M count=3
expr 6 \* 7
echo hola | gzip | gunzip
exit
