echo "hola $USER"
pwd
ls
echo 'uno' > a.txt
cat a.txt
ls
cat nada
nada
echo 'sin cerrar
sigue en la línea siguiente'
for n in 1 2
do echo "vuelta $n"
done
clear
