# run/create options that reach the container: env and label files, hosts, DNS, init, user, healthchecks
printf '# settings\nMODE=dev\nGREETING="hola"\nHOME\n' > app.env
printf 'team=aula\n' > app.labels
docker run --rm --env-file app.env -e MODE=prod alpine env
docker run --rm --env-file missing.env alpine env
docker create --name etiquetada --label-file app.labels alpine
docker inspect -f '{{json .Config.Labels}}' etiquetada
docker run --rm --add-host db:10.0.0.5 --add-host host.docker.internal:host-gateway -h web --domainname aula.local alpine cat /etc/hosts
docker run --rm --add-host db alpine true
docker run --rm --dns 1.1.1.1 --dns-search aula.local --dns-option ndots:2 alpine cat /etc/resolv.conf
docker network create red
docker run --rm --network red --dns 1.1.1.1 alpine cat /etc/resolv.conf
docker run --rm --init alpine ps
docker run --rm -u 1000:1000 alpine id
docker run --rm -u alumno alpine id
docker run -d --name sano --health-cmd 'test -s /run/nginx.pid' --health-interval 5s --health-retries 2 nginx
docker ps
sleep 5
docker ps
docker inspect -f '{{json .State.Health}}' sano
docker run -d --name enfermo --health-cmd 'exit 1' --health-interval 2s --health-retries 2 alpine sleep 1000
sleep 4
docker ps -f health=unhealthy
docker events --since 1m --until 0s --filter event=health_status
