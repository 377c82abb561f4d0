# inspect -f on moby's typed structs, and the errors of the raw retry
docker run -d --name web -p 8080:80 nginx
docker run -d --name sano --health-cmd 'redis-cli ping' --health-interval 30s redis
docker inspect -f '{{.State.Health}}' web
docker inspect -f '{{.State.Health.Status}}' web
docker inspect -f '{{.State.Health.Status}}' sano
docker inspect -f '{{.State}}' web
docker inspect -f '{{.Config.Healthcheck}}' sano
docker inspect -f '{{.NetworkSettings.Ports}} {{.Config.ExposedPorts}} {{.Config.Volumes}}' web
docker inspect -f '{{.NetworkSettings.Networks}}' web
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}{{end}}' web
docker inspect -f '{{.HostConfig.RestartPolicy}} {{.HostConfig.LogConfig}} {{.HostConfig.Binds}}' web
docker inspect -f '{{.Mounts}}' sano
docker inspect -f '{{(.State) .Status}}' web
docker inspect -f '{{.State.Status.Foo}}' web
docker inspect -f '{{index .Mounts 0}}' web
docker inspect -f '{{if eq .State.Status "running"}}{{.Name}} ok{{end}}' web sano
docker network inspect -f '{{.Name}} {{.Created}}' bridge
docker image inspect -f '{{.Metadata.LastTagTime}}' nginx
