mkdir miapp
cd miapp
printf 'flask\n' > requirements.txt
printf 'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/")\ndef hola():\n    return "Hola desde Flask"\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000)\n' > app.py
printf 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nEXPOSE 5000\nCMD ["python", "app.py"]\n' > Dockerfile
docker build -t miapp .
docker run -d --name web -p 5000:5000 miapp
docker logs web
curl localhost:5000
curl localhost:5000/nada
docker logs web
docker run --rm miapp pip list
docker run --rm miapp pip show flask
docker run --rm python:3.12-slim pip install nope
docker run --rm python:3.12-slim python app.py
