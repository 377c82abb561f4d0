docker run -d --name web nginx
docker pause web
docker ps
docker pause web
docker exec web ls
docker unpause web
docker unpause web
docker ps
