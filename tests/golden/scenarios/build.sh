mkdir app
cd app
echo "FROM alpine" > Dockerfile
echo 'RUN echo hola > /saludo.txt' >> Dockerfile
echo 'CMD ["cat", "/saludo.txt"]' >> Dockerfile
cat Dockerfile
docker build -t saludo .
docker build -t saludo .
docker run --rm saludo
docker images
docker build
docker build nada
cd ..
docker build .
