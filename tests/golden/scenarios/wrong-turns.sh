# A student's wrong turns around the decks: paused exec, --rm with --restart, cp with a slash too many, save into a directory, limits in the cgroup, links
docker run -d --name web -p 0:80 nginx
docker port web
docker pause web
docker exec web ls
docker unpause web
docker run --rm --restart always alpine true
echo hola > f.txt
docker cp f.txt web:/etc/passwd/
docker cp web:/etc/hostname f.txt/
docker save -o /tmp/nada/x.tar nginx
mkdir copia
docker save -o copia nginx
docker run --rm -m 64m --cpus 0.5 alpine sh -c 'cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.max'
docker run -d --name db redis
docker run --rm --link db:cache alpine sh -c 'tail -2 /etc/hosts'
docker run --rm --link nada:cache alpine true
docker stats --no-stream --format '{{.Nombre}}'
mkdir vacio
cd vacio
echo '*' > .dockerignore
printf 'FROM alpine\nCOPY . /app/\nRUN ls -a /app\n' > Dockerfile
docker build -t vacio .
