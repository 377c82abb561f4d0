# graceful shutdown: docker stop sends SIGTERM to PID 1; a script that traps it exits at once, one without waits the grace period and dies of SIGKILL
docker run -d --name sin-trap alpine sh -c 'echo arrancado; while true; do sleep 1; done'
docker run -d --name con-trap alpine sh -c "trap 'echo recibido SIGTERM; exit 0' TERM; echo arrancado; while true; do sleep 1; done"
docker stop con-trap
docker stop sin-trap
docker ps -a
docker logs con-trap
docker logs sin-trap
docker run -d --name espera debian sh -c "trap 'echo adios; exit 0' TERM; trap 'echo limpieza' EXIT; sleep infinity & wait"
# PID 1 ignores a signal it has no trap for
docker kill -s USR1 espera
docker ps -a --filter name=espera
docker restart espera
docker logs espera
docker ps -a --filter name=espera
# bash with an EXIT trap catches SIGTERM even as PID 1: the trap runs, and it exits 143
docker run -d --name solo-exit debian bash -c "trap 'echo limpieza' EXIT; sleep infinity & wait"
docker stop solo-exit
docker logs solo-exit
docker ps -a --filter name=solo-exit
docker run --rm debian bash -c "trap 'echo hola' INT TERM; trap -p; trap x FOO"
docker run --rm alpine sh -c '{ sleep 2; echo a; } & echo b; wait'
# an entrypoint script from a build traps SIGTERM too
mkdir app
cd app
printf '#!/bin/sh\ntrap "echo parando...; exit 0" TERM\necho listo\nwhile true; do sleep 1; done\n' > entrypoint.sh
printf 'FROM alpine\nCOPY entrypoint.sh /entrypoint.sh\nRUN chmod +x /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n' > Dockerfile
docker build -q -t apagado .
docker run -d --name servicio apagado
docker stop servicio
docker logs servicio
docker ps -a --filter name=servicio
