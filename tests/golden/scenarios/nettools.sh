docker network create lab
docker run -d --name api --network lab --network-alias backend alpine sleep 1000
docker run -dit --name front --network lab alpine
docker exec -it front sh
cat /etc/resolv.conf
nslookup api
nslookup backend
nslookup nope
getent hosts api
ip addr
ip route
ifconfig eth0
route -n
hostname -i
exit
docker exec api nslookup front
docker exec api ip link
docker run --rm alpine nslookup google.com
docker run --rm alpine nslookup api
docker run --rm --add-host db.local:10.0.0.5 alpine getent hosts db.local
docker run --rm --network none alpine ip addr
docker run --rm --network none alpine nslookup google.com
docker run --rm --network none alpine wget -qO- example.com
docker run --rm alpine wget -qO- example.com
docker run --rm debian getent hosts localhost
docker run --rm debian ip addr
curl -I example.com
docker rm -f api front
