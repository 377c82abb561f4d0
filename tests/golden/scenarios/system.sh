docker system df
docker run -d --name web nginx
docker run hello-world
docker system df
docker version
docker system
