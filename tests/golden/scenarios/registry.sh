# login, push to one's own Docker Hub namespace, search, logout
docker pull alpine
docker push alpine
docker tag alpine alumno/base:1.0
docker push alumno/base:1.0
docker login
alumno
secreto
docker push alumno/base:1.0
docker run --name cambio alpine sh -c 'echo hola > /hola'
docker commit cambio alumno/hola
docker push alumno/hola
docker push alumno/hola
docker push otro/hola
docker rmi alumno/hola
docker pull alumno/hola
docker search alp
docker search --no-trunc --limit 2 -f is-official=true n
docker search alumno
docker login -u alumno -p secreto
docker logout
docker push -q alumno/base:1.0
