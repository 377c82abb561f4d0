# ps and top inside containers: procps on Ubuntu, busybox on Alpine; busybox itself
docker run -d --name web ubuntu sleep 1000
docker exec web ps
docker exec web ps -ef
docker exec web ps aux
docker exec web ps -o pid,user,comm
docker exec web ps -eo pid,ppid,%cpu,%mem,args --sort=-pid
docker exec web ps -o pid= -o comm=
docker exec web ps -p 1 -o pid,etime,cmd
docker exec web ps -o x
docker exec web top
docker run -it --rm ubuntu
top
q
exit
docker run --rm alpine ps -o pid,user,comm,args
docker run --rm alpine ps aux
docker run --rm alpine ps -o nope
docker run --rm alpine busybox
docker run --rm alpine:3.19 busybox
docker run --rm alpine busybox nope
docker run --rm alpine sh --help
docker run -d --name tt alpine top
docker logs tt
docker stop tt
docker ps -a --filter name=tt
docker rm -f web tt
