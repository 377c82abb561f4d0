docker ps
docker run hello-world
docker run -d --name uno -p 8080:80 nginx
docker run -d --name dos -p 80 nginx:alpine
sleep 65
docker ps
docker ps -a
docker ps -a -s
docker ps -q
docker ps -aq
docker ps -l
docker ps -n 2
docker ps -a --no-trunc
docker ps -f status=exited
docker ps -a -f name=uno
docker ps -a -f ancestor=nginx
docker container ls --format "{{.Names}}\t{{.Status}}"
docker container list --format "table {{.Names}}\t{{.Ports}}"
docker ps -z
docker ps extra
docker ps -f foo
docker ps --format json
