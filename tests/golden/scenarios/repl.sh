# node and python inside containers: REPLs typed in a shell, -e/-p/-c, scripts on stdin, servers
docker run -it --name lab -e NOMBRE=Ana node bash
node --version
node
let nums = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
nums.map(n => n * 2)
nums.filter(n => n % 2 === 0).length
`hola ${process.env.NOMBRE}`
'docker'.toUpperCase()
({ lenguaje: 'js', version: process.version })
const os = require('os')
os.platform()
require('express')
noExiste
if (nums.length > 3) {
console.log('largo')
}
.exit
echo $?
node -e "const a = 6; console.log('a * 7 =', a * 7)"
node -p "Math.max(...[3, 9, 4])"
node -e "noExiste()"
echo $?
node -x
exit
docker run -it --name py -e NOMBRE=Ana python bash
python3 --version
python3
import sys, os, math, json, random
sys.platform
os.environ['NOMBRE']
f"hola {os.getenv('NOMBRE')}"
math.sqrt(16), math.pi
len('hola'), 'hola'.upper()
numeros = [1, 2, 3]
numeros.append(4)
print(numeros, sum(numeros) / len(numeros))
json.dumps({'a': numeros, 'ok': True})
import flask
numeros[10]
exit()
python3 -c "import math; print(math.floor(7 / 2), 7 // 2, 2 ** 64)"
python3 -c "print(nombre)"
echo $?
python3 -m nada
python3 nada.py
exit
docker run -i python python3
x = 21
print(x * 2)
^D
docker run -it node
for (let i = 1; i <= 3; i++) {
console.log(`vuelta ${i}`)
}
function doble(n) { return n * 2 }
[1, 2, 3].map(doble)
.exit
