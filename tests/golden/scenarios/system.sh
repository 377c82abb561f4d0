docker system df
docker system df -v
docker run -d --name web nginx
docker run hello-world
docker system df
docker system df -v
docker version
docker system
docker info
docker system info --format "{{.ServerVersion}} {{.Containers}}"
