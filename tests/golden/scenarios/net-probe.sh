# what a student tries on the network: names, redirects, https, DNS tools
docker network create lab
docker run -d --name web --network lab --network-alias www nginx
docker run --rm --network lab alpine ping -c 2 web.lab
docker run --rm alpine ping -c 2 example.com
docker run --rm alpine wget -O /dev/null http://google.com
docker run --rm alpine wget -S --spider http://example.com
docker run --rm nginx curl -sI https://example.com
docker run --rm nginx nginx -V
docker run -it --rm --network lab debian bash
apt-get update -qq
apt-get install -qq -y wget dnsutils > /dev/null
wget --spider http://github.com
dig www
dig +short example.com
host web
nslookup nope
exit
docker run -it --rm --network lab alpine
apk add bind-tools
dig google.com
exit
docker rm -f web
