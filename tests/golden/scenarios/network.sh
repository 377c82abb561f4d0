docker network
docker network ls
docker network create app
docker network create app
docker run -d --name web --network app nginx
docker run -d --name db --network app --network-alias database alpine sleep 1000
docker network ls
docker ps --format "table {{.Names}}\t{{.Networks}}\t{{.Ports}}"
docker network inspect app
docker run --rm --network app alpine ping -c 2 database
docker run --rm --network app alpine wget -qO- web
docker run --rm alpine ping -c 1 web
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{$v.DNSNames}}{{end}}' db
docker network connect app $(docker run -d --name box alpine sleep 1000)
docker inspect -f '{{.NetworkSettings.IPAddress}} {{len .NetworkSettings.Networks}}' box
docker network rm app
docker network rm bridge
docker run -d --network host -p 8080:80 --name hostweb nginx
docker ps -f network=host
docker rm -f web db box hostweb
docker network prune
y
docker network ls
