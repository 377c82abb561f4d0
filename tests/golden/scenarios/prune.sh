docker run hello-world
docker run hello-world
docker container prune
y
docker ps -a
docker image prune -f
docker image prune -a -f
docker images
