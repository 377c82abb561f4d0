docker pull hello-world
docker pull hello-world
docker pull alpine
docker pull nginx:alpine
docker pull nginx
docker image pull debian:bookworm
docker pull -q busybox
docker pull nonexistentimage
docker pull UPPER
docker pull
