# pgrep/pkill, pidof, w, vmstat and pmap in ubuntu; apt-cache and apt-mark; the programs of the node and nginx images
docker run -it --name caja ubuntu
sleep 300 &
pgrep -a sleep
pidof sleep bash
pkill -e sleep
pgrep sleep
w
vmstat
apt-get update
apt-cache policy curl
apt-cache madison curl
apt-mark showhold
exit
docker run --rm -t node:22 sh -c 'nodejs -v; npx --version; make; gcc; ssh -V; stty size; tput cols'
docker run -d --name web -e SERVER=aula.local nginx:alpine
docker exec web netstat -tlnp
docker exec web sh -c 'printf "server_name \${SERVER}; \$host\\n" | envsubst'
