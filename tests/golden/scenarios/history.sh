docker pull nginx:alpine
docker history nginx:alpine
docker history -q nginx:alpine
docker history
