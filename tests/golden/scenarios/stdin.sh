# The host's stdin into containers: pipes, redirections and heredocs
echo hola | docker run -i --rm alpine cat
echo hola | docker run --rm alpine cat
echo 'echo dentro; exit 3' | docker run -i --rm alpine sh
echo $?
printf 'echo uno\necho dos\n' > script.sh
docker run -i --rm alpine sh < script.sh
cat <<EOF | docker run -i --rm python:3 python3
for i in range(3):
    print(i * i)
EOF
echo hola | docker run -it --rm alpine cat
docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql
sleep 30
printf 'CREATE DATABASE tienda;\nUSE tienda;\nCREATE TABLE p (id INT, nombre VARCHAR(20));\nINSERT INTO p VALUES (1,"pan"),(2,"leche");\nSELECT * FROM p;\n' > dump.sql
docker exec -i db mysql -uroot -psecret < dump.sql
echo 'SELECT COUNT(*) FROM tienda.p' | docker exec -i db mysql -uroot -psecret
docker run --rm alpine cat /etc/os-release | grep ^NAME
docker ps -q | xargs docker rm -f
docker ps -aq | wc -l
printf 'read nombre\nAna\necho "hola $nombre"\n' | docker run -i --rm alpine sh
docker run -di --name gato alpine cat
docker ps --format '{{.Names}} {{.Status}}'
docker exec -i gato wc -l
uno
dos
^D
mkdir web
echo '<h1>hola</h1>' > web/index.html
tar -cf web.tar web
docker cp - gato:/tmp < web.tar
docker exec gato cat /tmp/web/index.html
docker cp gato:/etc/hostname - | tar -tvf -
