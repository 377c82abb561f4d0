# tee, which, grep -x/-w, curl -V on the host; dpkg and python details in the images
echo hola | tee saludo.txt
echo adios | tee -a saludo.txt > /dev/null
cat saludo.txt
which docker
which nada
echo $?
curl --version
docker run --rm ubuntu sh -c 'printf "tree\npstree\ntree x\n" | grep -x tree; printf "tree\npstree\n" | grep -w tree; which; echo $?; which -a ls'
docker run --rm ubuntu sh -c 'dpkg -l "libc*"; dpkg -s bash; dpkg -s curl'
docker run --rm alpine sh -c 'echo hi | tee /tmp/a; which -a ls; which'
docker run -it python:3.12-slim python3
round(2.5), round(3.5), round(0.125, 2)
(1, 2)[5]
float('inf')
import time, json
time.sleep(1)
exit()
