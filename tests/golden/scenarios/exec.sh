docker run -d --name web nginx
docker exec web ls /usr/share/nginx/html
docker exec web sh -c "echo hola > /tmp/x.txt"
docker exec web cat /tmp/x.txt
docker diff web
docker exec -it web bash
hostname
pwd
exit
docker exec web nonexistent
docker exec nada ls
docker stop web
docker exec web ls
docker exec web
