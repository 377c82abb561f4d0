# background jobs and daemons typed in a shell
docker run -it --name trabajos ubuntu bash
sleep 100 &
echo $!
jobs -l
ps
echo hola &
true
sleep 2 &
sleep 30 &
jobs
sleep 3
kill %1
fg
exit
docker run -it --name alpino alpine sh
sleep 10 &
jobs
wait
exit
docker run --rm debian sh -c 'sleep 1 & echo fuera; wait $!; echo $?'
docker run -d --name web -p 8080:80 nginx sleep infinity
docker exec web nginx
docker top web
curl -s localhost:8080
docker exec web nginx -s stop
docker exec web sh -c 'sleep 100 &'
docker top web
docker rm -f web
