# node's entry points: a server started with -e reached by curl, -p printing, argv, the error texts
docker pull -q node:20
docker run -d --name hola -p 3000:3000 node:20 node -e "require('http').createServer((q, r) => { console.log(q.method, q.url); r.end('hola desde ' + q.url + '\n') }).listen(3000, () => console.log('escuchando en 3000'))"
curl -s localhost:3000/saludo
docker logs hola
docker network create red
docker network connect red hola
docker run --rm --network red node:20 curl -s hola:3000/vecino
docker rm -f hola
docker run --rm node:20 node -p "[1, 2, 3].map(n => n * 2)"
docker run --rm node:20 node -p "({ plataforma: process.platform, argv: process.argv })" uno dos
docker run --rm node:20 node -e "console.log("
docker run --rm node:20 node -e "throw new Error('algo falló')"
docker run --rm node:20 node -e "process.exit(3)"
docker run --rm -w /app node:20 node falta.js
docker run --rm node:20 sh -c "echo 'const x = 1;\nrequire(\"nope\")' > /app.js; node /app.js"
docker run --rm node:20 sh -c "printf 'const a = 1;\nthrow new Error(\"roto\")\n' > /t.js; node /t.js"
docker run --rm node:20 node --version
