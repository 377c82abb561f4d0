mkdir mal
cd mal
printf 'RUN echo hola\n' > Dockerfile
docker build .
printf 'FROM alpine\nRUN echo uno && \\\n\n    echo dos\nEXPOSE 80/http\n' > Dockerfile
docker build .
printf 'FROM alpine\nUSER alumno\nRUN whoami\n' > Dockerfile
docker build -t Mal .
docker build -t mal .
docker ps -a
printf 'FROM alpine\nSHELL /bin/bash -c\n' > Dockerfile
docker build .
printf 'FROM alpine\nCOPY https://example.com/ /web/\n' > Dockerfile
docker build .
printf 'FROM alpine\nADD http://example.com/index.html /web/\nRUN ls -l /web\n' > Dockerfile
docker build -t web .
printf 'FROM alpine AS base\nONBUILD RUN echo disparado\nHEALTHCHECK --interval=30s CMD wget -q -O- localhost || exit 1\nFROM base AS app\nFROM alpine AS APP\n' > Dockerfile
docker build --target nada .
docker build --target base -t base .
docker history --no-trunc --format '{{.CreatedBy}}' base
docker build .
printf 'FROM base\nRUN echo hijo\n' > Dockerfile
docker build -t hijo .
