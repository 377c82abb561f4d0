# node -e and a script with what a lesson reaches next: regexes, destructuring, path/fs, Map/Set/Date, fs errors
docker pull -q node:22
docker run --rm node:22 node -e 'console.log("a/b/c".split(/\//), `http://x`) // comment'
docker run --rm node:22 node -e "const {name, tags: [first, ...more] = []} = {name: 'web', tags: ['a', 'b', 'c']}; for (const [k, v] of Object.entries({x: 1})) console.log(k, v); console.log(name, first, more)"
docker run --rm node:22 node -e "const f = ({port = 80}) => port; console.log(f({}), f({port: 8080}))"
docker run --rm node:22 node -e "const {a} = undefined"
docker run --rm -w /app node:22 node -e "const fs = require('fs'), path = require('path'); fs.mkdirSync('data/logs', {recursive: true}); fs.writeFileSync(path.join('data', 'a.txt'), 'hola\n'); console.log(fs.readdirSync('data'), fs.readFileSync('data/a.txt', 'utf8').trim(), fs.readFileSync('data/a.txt'), path.resolve('data'), path.basename('/x/app.js', '.js'), path.extname('f.tar.gz'))"
docker run --rm node:22 node -e "require('fs').readFileSync('/config.json', 'utf8')"
docker run --rm node:22 node -e "const m = new Map([['a', 1]]); m.set('b', 2); console.log(m, new Set([1, 2, 2]), new Date(), Date.now())"
