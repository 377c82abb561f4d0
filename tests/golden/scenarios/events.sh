# what the daemon logged, replayed with --since/--until
docker run -d --name web -p 8080:80 nginx
docker run --rm alpine echo hola
docker update -m 256m --memory-swap 512m --restart unless-stopped web
docker update -m 1m web
docker exec web nginx -v
docker stop web
docker tag nginx mi-nginx:1
docker rmi mi-nginx:1
docker events --since 1m --until 0s
docker events --since 1m --until 0s --filter type=container --filter event=die --format '{{.Actor.Attributes.name}} {{.Actor.Attributes.exitCode}}'
docker system events --since 1m --until 0s -f event=update --format json
docker events --since ayer
docker node
docker checkpoint ls web
