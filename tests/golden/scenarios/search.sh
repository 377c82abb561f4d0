# docker search: Docker Hub's answer for a term, its limit, filters and formats
docker search nginx
docker search ubuntu
docker search --limit 5 mysql
docker search --no-trunc --limit 3 redis
docker search -f stars=100 postgres
docker search -f is-official=true mongo
docker search --filter is-automated=true alpine
docker search --format '{{.Name}}: {{.StarCount}}' python
docker search --format 'table {{.Name}}\t{{.IsOfficial}}' node
docker search --format '{{.IsAutomated}}' busybox
docker search --limit 101 hello-world
docker search -f stars=muchas wordpress
docker search ngin
docker search nada-por-aqui
docker search localhost:5000/app
docker run -d -p 5000:5000 --name registro registry:2
docker search localhost:5000/app
