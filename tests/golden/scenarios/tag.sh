docker pull alpine
docker tag alpine mi-usuario/mi-alpine:1.0
docker images
docker tag alpine UPPER
docker tag nada otro
docker tag alpine
