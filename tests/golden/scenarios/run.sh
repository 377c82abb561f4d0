docker run hello-world
docker run -d --name web -p 8080:80 nginx
docker run --name web nginx
docker run -d -p 8080:80 nginx
docker run -d -P httpd:2.4
docker run alpine echo hola mundo
docker run -e SALUDO=hola alpine sh -c 'echo $SALUDO'
docker run -w /tmp alpine pwd
docker run --rm alpine echo efimero
docker run --entrypoint echo alpine desde entrypoint
docker run alpine nonexistent-command
docker run -p 8080:xx httpd
docker run --foo hello-world
docker run nonexistentimage
docker ps -a
