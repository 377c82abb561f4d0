# curl as students type it (-w, -f, -o, -v, POST, the progress meter when not on a terminal) and wget's forms
docker run -d --name web -p 8080:80 nginx
docker run -d --name api -p 3000:3000 node:20 node -e "require('http').createServer((q, r) => { console.log(q.method, q.url); r.end(q.method + ' ' + q.url + '\n') }).listen(3000)"
curl -s -o /dev/null -w '%{http_code} %{size_download} %{content_type}\n' localhost:8080
curl --silent --output pagina.html --write-out 'codigo=%{response_code} %{url_effective} %{remote_ip}:%{remote_port} %{time_total}s %{method} 100%%\n' localhost:8080
curl -o pagina.html localhost:8080
curl localhost:8080 | head -4
curl -fsSL localhost:8080/no-existe; echo "salida: $?"
curl -w '%{http_code} %{exitcode}\n' localhost:9999
curl -sI localhost:8080/no-existe
curl -v localhost:3000/saludo
curl -s -X POST localhost:8080
curl -s -d nombre=ana localhost:3000/alta
curl --request PUT --header 'X-Curso: docker' localhost:3000/item/1
curl --foo localhost:8080
curl -sSo
curl -s localhost:8080 localhost:3000/dos -o /dev/null
docker exec web curl -s localhost/no-existe -w '%{http_code}\n' -o /dev/null
docker exec web curl localhost/no-existe
curl -i localhost:3000/cabeceras
docker logs api
docker run --rm --network container:web alpine sh -c 'wget localhost; wget localhost; wget -qO- localhost/no-existe; wget -S --spider localhost'
docker run --rm --network container:web debian:12 sh -c 'apt-get update >/dev/null; apt-get install -y wget >/dev/null 2>&1; wget localhost; wget localhost; ls index*; wget -O - localhost:3000'
