# node:14 is Debian buster: its mirrors dropped it, apt-get update fails until the sources point at archive.debian.org
docker pull -q node:14
docker run --rm node:14 cat /etc/apt/sources.list
docker run --rm node:14 sh -c 'apt-get update; echo "status $?"; apt-get install -y curl; echo "status $?"'
docker run --rm node:14 sh -c 'apt-get -q update 2>&1 | tail -1'
docker run --rm node:14 sh -c "sed -i s/deb.debian.org/archive.debian.org/ /etc/apt/sources.list && apt-get update && apt-get install -y tree | grep ^Get"
