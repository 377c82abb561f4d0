# a single engine, in no swarm, without plugins
docker swarm
docker node ls
docker service ls
docker swarm leave
docker secret list
docker context ls
docker context show
docker plugin ls
docker checkpoint create web cp1
docker trust
docker builder prune -f
