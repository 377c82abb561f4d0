docker volume
docker volume create datos
docker volume ls
docker run --name escritor -v datos:/datos alpine sh -c 'echo hola > /datos/saludo'
docker run --rm -v datos:/datos:ro alpine cat /datos/saludo
docker run --rm -v datos:/datos:ro alpine touch /datos/otro
docker diff escritor
docker volume inspect datos
docker volume rm datos
docker rm escritor
docker volume rm datos
docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql:8
docker inspect -f '{{json .Mounts}}' db
docker volume ls
docker rm -f -v db
docker volume ls
mkdir web && echo '<h1>hola</h1>' > web/index.html
docker run --rm -v ./web:/usr/share/nginx/html alpine cat /usr/share/nginx/html/index.html
docker run --rm -v datos:rel alpine true
docker run --rm --mount type=bind,src=/no/existe,dst=/x alpine true
docker run --rm -v /cache alpine true
docker volume create viejo
docker volume prune
y
docker volume prune -a -f
docker system df
