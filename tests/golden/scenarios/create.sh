docker create --name creado alpine echo hola
docker ps -a
docker start -a creado
docker create --name creado alpine
docker create
docker create -q busybox
docker run -q --rm hello-world
