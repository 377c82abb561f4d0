# a private registry: run it, push, list, remove, pull back
docker run -d -p 5000:5000 --name registry registry:2
docker logs registry
docker pull alpine
docker tag alpine localhost:5000/mi-alpine
docker push localhost:5000/mi-alpine
docker push localhost:5000/mi-alpine
curl localhost:5000/v2/
curl localhost:5000/v2/_catalog
curl localhost:5000/v2/mi-alpine/tags/list
curl -I localhost:5000/v2/mi-alpine/manifests/latest
docker rmi localhost:5000/mi-alpine
docker pull localhost:5000/mi-alpine
docker pull localhost:5000/nada
docker exec registry ls /var/lib/registry/docker/registry/v2/repositories/mi-alpine/_manifests/tags
docker logs --tail 2 registry
docker tag alpine 10.0.2.15:5000/mi-alpine
docker push 10.0.2.15:5000/mi-alpine
docker stop registry
docker push localhost:5000/mi-alpine
docker pull localhost:5000/mi-alpine
docker run --rm registry:3 --version
