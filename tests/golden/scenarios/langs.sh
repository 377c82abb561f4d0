# what a student tries in node and python beyond the course's lines: loops, errors, files in a volume, formats
docker pull -q node:22
docker pull -q python:3.12
docker run --rm node:22 node -e "let s = 0; for (let i = 0; i < 10; i++) { if (i % 2) continue; s += i } console.log(s, process.env.HOME)"
docker run --rm node:22 node -e "try { JSON.parse('{') } catch (e) { console.log(e instanceof SyntaxError, e.name) } finally { console.log('listo') }"
docker run --rm node:22 node -e "function* g() { yield 1 }"
docker volume create datos
docker run --rm -v datos:/datos python:3.12 python -c "with open('/datos/notas.txt', 'a') as f: f.write('hola\n')"
docker run --rm -v datos:/datos python:3.12 python -c "import os; print(os.listdir('/datos'), open('/datos/notas.txt').read().strip())"
docker run --rm python:3.12 python -c "a, b = 1, 2; a, b = b, a; print(f'{a:>4}|{b:.2f}|{1234567:,}', '%-5s|%05.1f' % ('x', 2.25), 'hola'[::-1])"
docker run --rm python:3.12 python -c "print(sorted(['pera', 'kiwi', 'uva'], key=len, reverse=True), {n: n * n for n in range(4)})"
docker run --rm python:3.12 python -c "open('/no/existe.txt')"
docker volume rm datos
