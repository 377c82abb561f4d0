docker pull hello-world
docker run --name hola hello-world
docker inspect -f "{{.State.Status}} {{.State.ExitCode}}" hola
docker inspect --format "{{json .Config.Cmd}}" hola
docker container inspect -f "{{.Name}} {{.Config.Image}}" hola
docker image inspect -f "{{.RepoTags}} {{.Config.Cmd}}" hello-world
docker inspect -f "{{.Id}}" hello-world
docker image inspect hello-world
docker inspect nada
docker container inspect nada
docker image inspect nada
docker inspect
