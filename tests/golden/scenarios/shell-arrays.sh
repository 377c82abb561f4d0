# bash arrays in an Ubuntu container: a list of services, a map of ports, PIPESTATUS; then dash and busybox refuse them
docker run -it --rm ubuntu bash
servicios=(web api "base de datos")
echo "${#servicios[@]} servicios: ${servicios[*]}"
for s in "${servicios[@]}"; do echo "- $s"; done
servicios+=(cache); servicios[7]=colas; echo ${!servicios[@]}
echo ${servicios[-1]} "${servicios[@]:1:2}"
unset 'servicios[1]'; declare -p servicios
declare -A puertos=([web]=80 [api]=3000); puertos[db]=5432
for k in "${!puertos[@]}"; do echo "$k -> ${puertos[$k]}"; done
declare -p puertos
printf 'a\nb\nc\n' > /tmp/lineas; mapfile -t lineas < /tmp/lineas; echo ${#lineas[@]} ${lineas[2]}
IFS=: read -ra campos <<< "root:x:0:0"; echo ${campos[2]} ${#campos[@]}
grep -q nada /etc/hostname | sort | true; echo ${PIPESTATUS[@]}
set -o pipefail; false | true; echo $?
echo ${servicios[}
exit
docker run --rm debian sh -c 'a=(1 2); echo ${a[0]}'
docker run --rm debian sh -c 'set -o pipefail; echo no'
docker run --rm alpine sh -c 'a=(1 2)'
