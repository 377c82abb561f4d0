docker run -it --name clase ubuntu bash
ls -la /
cat <<< "hola $HOSTNAME" | wc -c
read nombre edad <<< "Ana 20"; echo "$nombre tiene $edad"
for i in {1..3}; do echo "tirada $i: $((RANDOM % 6 + 1))"; done
set -x
echo $(whoami) 'dos palabras'
set +x
case pdf in txt) echo texto;; pdf|doc) echo documento;& *) echo fichero;; esac
alias ll='ls -l'
ll /etc/hostname
type ll
printf '%-8s|%5.1f|%03d\n' nota 7.25 9
sed -n 's/^root:x:\([0-9]*\).*/uid \1/p' /etc/passwd
grep -c nologin /etc/passwd
set -u; echo $nada; echo fin
echo "sigue $?"
sh
cat <<< hola
echo "[$RANDOM]"
exit
exit
docker run --rm alpine sh -c 'ls -la / | head -5; echo {1..2}; cat <<< hola; seq 1 3 10 | awk "{s+=\$1} END {print \"suma\", s}"'
