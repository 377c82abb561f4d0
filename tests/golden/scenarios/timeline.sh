# detached scripts run on the simulated clock: a sleep waits for the time to come
docker run -d --name loop alpine sh -c "while true; do echo hola; sleep 1; done"
docker run -d --name espera alpine sh -c "echo start; sleep 1000"
docker ps
docker logs loop
docker top loop
docker exec loop ps
sleep 5
docker logs -t loop
docker ps --format "{{.Names}} {{.Status}}"
docker exec -d loop sh -c "sleep 3; touch /tmp/hecho"
docker exec loop ls /tmp
sleep 3
docker exec loop ls /tmp
docker stop loop
docker ps -a --format "{{.Names}} {{.Status}}"
docker logs loop | wc -l
docker run -d --name ocupado alpine sh -c "while true; do :; done"
docker wait espera
docker ps -a --format "{{.Names}} {{.Status}}"
docker logs espera
docker run --name pegado alpine sh -c 'sleep 2; echo x'
docker ps -a --format "{{.Names}} {{.CreatedAt}} {{.Status}}"
