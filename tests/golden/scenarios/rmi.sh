docker pull hello-world
docker run hello-world
docker rmi hello-world
docker ps -a --format "{{.ID}}"
docker rmi -f hello-world
docker ps -a
docker images -a
docker pull alpine
docker tag alpine copia
docker rmi copia
docker rmi alpine
docker rmi nada
docker rmi
