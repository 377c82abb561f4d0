# a user who is not root: owners, permissions, the texts of a denied access
docker run -u 1000 alpine sh -c 'id; touch /etc/x; echo hi > /root/f; cat /etc/shadow; mkdir /opt/x; rm /bin/ls; ls /root; apk add curl; cd /tmp && touch mine && ls -l mine'
docker run -u 1000 ubuntu bash -c 'touch /etc/x; echo hi > /root/f; cat /etc/shadow; mkdir /opt/x; ls -l /etc/shadow; apt-get install -y curl; echo $?'
docker run -d --name caja ubuntu sleep 1000
docker exec caja useradd -m ana
docker exec caja touch /tmp/de-root
docker exec -u ana caja sh -c 'cd; touch f; mkdir d; ls -l; rm /tmp/de-root; echo x > /etc/passwd; cd /root'
docker exec -u ana caja apt-get update
docker exec caja ls -l /home/ana
docker diff caja
docker run --rm node:20 ls -la /home/node
docker run --rm -u node node:20 sh -c 'cd && touch a && ls -l a'
docker run --rm -u node -w /srv node:20 npm install express
