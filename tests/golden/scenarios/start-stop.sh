docker run -d --name web nginx
docker stop web
docker stop web
docker start web
docker start web
docker restart web
docker ps
docker start nada
docker stop nada web
docker kill web
docker ps -a
docker kill web
docker start
docker stop
