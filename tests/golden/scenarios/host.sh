echo "hola $USER"
pwd
ls
echo 'uno' > a.txt
cat a.txt
ls
cat nada
nada
echo 'sin cerrar
clear
