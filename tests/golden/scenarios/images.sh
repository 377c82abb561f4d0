docker images
docker pull hello-world
docker pull alpine
docker tag alpine mi-alpine:v1
docker images
docker image ls -q
docker images --digests
docker images --no-trunc
docker images alpine
docker images "mi-*"
docker images -f reference=alpine
docker images -f dangling=true
docker image list --format "{{.Repository}}:{{.Tag}} {{.Size}}"
docker images --format "table {{.Repository}}\t{{.ID}}"
docker images ls
docker images a b
