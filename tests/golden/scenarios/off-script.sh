# What a student types around the course's steps, mistakes included.
docker rm $(docker ps -aq)
docker stop $(docker ps -q)
docker run -d --name a nginx
docker run -d --name web -p 8080:80 nginx
docker run -d --name web nginx
docker run -d --name web2 -p 8080:80 nginx
docker ps -a --format "table {{.Names}}\t{{.Status}}\t{{.Ports}}"
docker run -d --name eph -p 80 -p 127.0.0.1::443 --expose 3000-3001 nginx
docker port eph
docker port eph 3000
docker ps -f name=^/web$ --format '{{.Names}}'
docker logs --tail abc web | head -2
docker exec -w /nada web ls
docker stop web
docker exec web ls
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' web
docker inspect -f '{{ .State.FinishedAt | printf "%.10s" }}' web
docker inspect -f '{{if eq .State.Running "false"}}parado{{end}}' web
docker inspect -f '{{.Config.Env | join ","}}' web
docker inspect --type image web
docker commit -c 'run apt-get update' web mi-nginx
docker commit -c 'CMD ["nginx", "-g", "daemon off;"]' -m "primera" web mi-nginx
docker history mi-nginx | head -3
docker tag mi-nginx Mi-Nginx
docker rmi $(docker images -q)
docker rm -f $(docker ps -aq)
