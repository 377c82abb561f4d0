# a student's first classes in node and python: constructor and methods, inheritance, how they are shown
docker pull -q node:22
docker pull -q python:3.12
docker run --rm node:22 node -e "class Animal { constructor(n) { this.nombre = n } hablar() { return this.nombre + ' hace ruido' } } class Perro extends Animal { hablar() { return super.hablar() + ': guau' } } const p = new Perro('Rex'); console.log(p, p.hablar(), p instanceof Animal, Perro)"
docker run -it --rm node:22 node
class Contador { n = 0; sumar() { this.n++; return this } }
new Contador().sumar().sumar()
Contador()
.exit
docker run -it --rm python:3.12 python
class Punto:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Punto({self.x}, {self.y})"

Punto(1, 2)
Punto(1)
exit()
