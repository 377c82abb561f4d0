# the tags of earlier releases a course types: shared bases, versions inside
docker pull python:3.13-slim
docker pull python:3.12-slim
docker pull python:3.11-alpine
docker pull node:20-slim
docker pull ubuntu:22.04
docker pull debian:bullseye
docker images
docker run --rm python:3.12-slim python --version
docker run --rm node:20-slim sh -c 'node -v; npm -v'
docker run --rm node:18-alpine node --version
docker run --rm ubuntu:20.04 cat /etc/os-release
docker run --rm ubuntu:jammy bash -c 'echo $BASH_VERSION'
docker run --rm debian:11-slim cat /etc/debian_version
docker run --rm alpine:3.20 cat /etc/alpine-release
docker run -it --rm python:3.11-slim
exit
exit()
docker history python:3.12-slim
