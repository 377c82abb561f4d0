docker run -it --rm --add-host web:93.184.216.34 alpine sh
cat --version
echo $?
mkdir --parents -m 755 /srv/a && ls -d /srv/a
mkdir --foo x
head --lines 1 /etc/hostname
wc -Q /etc/hostname
getent hosts web
ping -c 1 web
echo "10.9.8.7 printer" >> /etc/hosts
getent hosts printer
exit
