# save, load, export, import
docker pull nginx
docker save nginx
docker save nginx > nginx.tar
docker save -o copia.tar nginx
ls -l
docker rmi nginx
docker load < nginx.tar
docker images
docker load
docker load -i nada.tar
docker run --name caja alpine sh -c 'echo hola > /hola'
docker export caja
docker export -o caja.tar caja
docker import caja.tar mia:1.0
docker history mia:1.0
docker run --rm mia:1.0 cat /hola
docker load -i caja.tar
