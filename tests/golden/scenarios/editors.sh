# nano and vim without a screen to draw on (a transcript, docker exec without -t), their versions
docker run -d --name web debian sleep 1000
docker exec web sh -c 'apt-get update -qq; apt-get install -y -qq nano vim >/dev/null 2>&1'
docker exec web nano /usr/share/index.html
docker exec web vim /usr/share/index.html
docker exec web nano --version
docker exec web vim --version
docker run --rm alpine vi /etc/motd
docker exec -it web bash
nano /tmp/a
echo $?
exit
