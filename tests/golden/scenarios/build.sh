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
cd app
echo 'node_modules' > .dockerignore
mkdir node_modules
echo x > node_modules/big.js
printf 'FROM alpine\nRUN echo uno \\\n    && ls /nada\n' > Dockerfile
docker build -t roto .
docker ps -a
printf 'FROM alpine\nRUNN echo hola\n' > Dockerfile
docker build -q .
