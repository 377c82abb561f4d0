docker run -it --name base ubuntu bash
echo "000" > file.txt
exit
docker diff base
docker commit base mi-ubuntu:v1
docker images
docker run --rm mi-ubuntu:v1 cat /file.txt
docker history mi-ubuntu:v1
docker commit nada
