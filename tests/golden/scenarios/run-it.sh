docker run -it --name contenedor1 ubuntu bash
echo "000" > file.txt
ls
cat file.txt
exit
docker ps -a -s
docker start contenedor1
docker ps -s
docker attach contenedor1
ls
^P^Q
docker ps
docker stop contenedor1
docker ps -a
