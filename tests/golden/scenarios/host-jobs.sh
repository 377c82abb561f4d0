# docker clients left running in the background at the host's prompt
docker run --name web -p 8080:80 nginx &
jobs
curl -s localhost:8080 > /dev/null
docker logs -f web &
jobs -l
curl -s localhost:8080/nada > /dev/null
kill %2
docker stop web
jobs
# wait waits without moving the clock: the container can still be killed
docker run -d --name dormilon alpine sleep 100
docker wait dormilon &
docker kill dormilon
docker run -d --name bucle alpine sh -c 'for i in 1 2 3; do echo vuelta $i; sleep 1; done; exit 3'
docker logs -f bucle &
docker wait bucle &
echo esperando
wait
docker run --name tarea alpine sh -c 'sleep 2; echo fin' &
fg
docker events --filter event=start --format '{{.Action}} {{.Actor.Attributes.name}}' &
docker start dormilon
kill -9 %1
{ sleep 2; echo grupo; } &
sleep 3
