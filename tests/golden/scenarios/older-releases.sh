# Older releases keep their own packages: the base system dpkg lists, and what apt-get installs from each archive
docker pull -q ubuntu:22.04
docker pull -q ubuntu:20.04
docker pull -q debian:11
docker pull -q node:14
docker run --rm ubuntu:22.04 sh -c 'dpkg -l | grep -c ^ii; dpkg -l bash libc6 | tail -2; apt list --installed 2>/dev/null | sed -n 2,3p'
docker run --rm ubuntu:22.04 sh -c 'apt-get update -qq; apt-get install -y -qq python3 | grep -E "^Setting up (python3|libpython)"; python3 --version'
docker run --rm ubuntu:20.04 sh -c 'dpkg -s libc6 | grep ^Version; apt-get update -qq; apt-get install -y curl | sed -n "/^0 upgraded/,/^Get:1 /p"'
docker run --rm debian:11 sh -c 'dpkg -l | grep -c ^ii; apt-get update -qq; apt-get install -y -qq git | grep ^Setting; git --version; apt list --installed 2>/dev/null | grep -E "^(git|tar)/"'
docker run --rm node:14 sh -c "sed -i s/deb.debian.org/archive.debian.org/ /etc/apt/sources.list && apt-get update -qq && apt-get install -y vim python3 | grep -E '^(Need|After|Get:.* (vim|python3.7) )'; python3 --version"
