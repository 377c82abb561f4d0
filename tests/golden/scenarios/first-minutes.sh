docker run -it --name novato ubuntu bash
echo hola
!!
ls /etc/hostname
cat !$
man ls
stat -c '%a %U %n' /etc/passwd /tmp
useradd -m ana
grep ^ana /etc/passwd
su - ana
whoami; pwd; echo $0
useradd bob
umask
logout
exit
egrep -c ^root /etc/passwd
tty
exit
docker run -it alpine
adduser -D ana
su - ana
id
exit
stat /etc/hostname
exit
