docker pull alpine
docker run --rm alpine ls /etc
docker run --rm alpine cat /etc/group /etc/shells /etc/issue /etc/alpine-release
docker run --rm alpine id
docker run --rm -u games alpine groups
docker run -d --name web alpine sleep 1000
docker exec web ls /proc
docker exec web cat /proc/1/status
docker exec web sh -c 'cat /proc/version /proc/loadavg; head -3 /proc/meminfo; cat /proc/mounts'
docker exec web top -b -n 1
docker exec web sh -c 'tar -czvf /tmp/etc.tgz /etc/passwd /etc/group; tar -tzvf /tmp/etc.tgz; tar -tf /tmp/nada.tar'
docker exec web sh -c 'cd /tmp; touch f; chown nobody:nogroup f; ls -l f; chown nadie f'
docker save alpine -o alpine.tar
tar -tvf alpine.tar
docker export web | tar -t | head -5
tar -tf nada.tar
tar -cvf mio.tar alpine.tar
tar -tvf mio.tar
tar
