docker container foo
docker imagess
docker foo
docker image
docker system foo
