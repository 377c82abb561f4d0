# owners across the host boundary: alumno (1000) on the host, bind mounts share the owners
id; whoami
mkdir app && cd app
echo 'console.log(1)' > index.js
ls -l
docker run --rm -v "$PWD":/app alpine ls -ln /app
docker run --rm -v "$PWD":/app node:20 ls -l /app
docker run --rm -v "$PWD":/app -w /app node:20 sh -c 'echo log > salida.txt'
ls -l
echo más >> salida.txt
rm salida.txt
y
docker run --rm -v "$PWD":/app -u node -w /app node:20 sh -c 'echo log > salida.txt; ls -l'
ls -l
docker run --rm -v "$PWD":/app -w /app node:20 sh -c 'mkdir -p node_modules/ms && echo "{}" > node_modules/ms/package.json'
rm -rf node_modules
sudo chown -R $USER:$USER node_modules
stat -c '%U:%G %n' node_modules/ms/package.json
rm -rf node_modules
docker run --rm -v /srv/datos:/datos alpine true
ls -ld /srv/datos
touch /srv/datos/f
sudo touch /srv/datos/f
mkdir /proyecto
docker run -d --name caja alpine sleep 1000
docker cp index.js caja:/tmp/
docker exec caja ls -l /tmp
docker exec caja sh -c 'echo hola > /tmp/de-root'
docker cp caja:/tmp/de-root .
ls -l de-root
docker cp caja:/tmp/de-root /etc/
docker export caja | tar tvf - tmp/
printf 'FROM alpine\nCOPY . /app\n' > Dockerfile
docker run --rm -v "$PWD":/w alpine sh -c 'mkdir /w/datos && chmod 700 /w/datos'
docker build -q -t app .
echo datos > .dockerignore
docker build -q -t app .
docker save -o /alpine.tar alpine
