# reverse lookups on a user network, other record types, and what a course asks of curl
docker network create red
docker run -d --name web --network red -p 8080:80 nginx
docker run -d --name py --network red -p 8000:8000 python:3.12-slim python -m http.server
docker run -it --rm --network red debian bash
apt-get update -qq
apt-get install -qq -y dnsutils curl > /dev/null
dig -x 172.18.0.2
dig +short -x 172.18.0.3
host 172.18.0.2
host 172.18.0.1
nslookup 172.18.0.3
dig google.com MX
dig +short NS example.com
dig google.com FOO +short
host google.com
nslookup -type=txt example.com
curl -sI py:8000
curl -s -o /dev/null -w '%{http_code}\n' web/nope
curl -f web/nope
exit
curl -I localhost:8080
curl -sL --max-redirs 0 -S http://google.com
curl -s -d 'nombre=José' -w '%{size_upload}\n' -o /dev/null localhost:8000
docker rm -f web py
docker network rm red
