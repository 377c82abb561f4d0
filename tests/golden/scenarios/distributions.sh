docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql:8
docker exec -it db bash
bash --version
ps
microdnf install -y procps
ps
microdnf install -y nope
exit
docker run -d --name old -e MYSQL_ROOT_PASSWORD=secret mysql:5.7
docker exec -it old bash
echo $BASH_VERSION
yum install -y which
which which
yum install -y nope
exit
docker run --rm ubuntu:18.04 bash --version
docker run --rm debian ls --version
docker run --rm alpine ls --version
