/**
 * What Docker Hub's search knows: the official repositories (their short descriptions as the
 * Hub shows them, star counts of mid-2025, rounded) and, for the terms students type, the
 * community repositories the Hub lists for them, in the order its search returns them.
 */
export const HUB_INFO: Record<string, [stars: number, description: string]> = {
  'hello-world': [2400, 'Hello World! (an example of minimal Dockerization)'],
  busybox: [3500, 'Busybox base image.'],
  alpine: [11300, 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!'],
  ubuntu: [17800, 'Ubuntu is a Debian-based Linux operating system based on free software.'],
  debian: [5200, "Debian is a Linux distribution that's composed entirely of free and open-source software."],
  nginx: [20800, 'Official build of Nginx.'],
  httpd: [4900, 'The Apache HTTP Server Project'],
  node: [13900, 'Node.js is a JavaScript-based platform for server-side and networking applications.'],
  python: [10200, 'Python is an interpreted, interactive, object-oriented, open-source programming language.'],
  redis: [13300, 'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.'],
  postgres: [14400, 'The PostgreSQL object-relational database system provides reliability and data integrity.'],
  mysql: [15900, 'MySQL is a widely used, open-source relational database management system (RDBMS).'],
  registry: [4200, 'Distribution implementation for storing and distributing of container images and artifacts'],
  mariadb: [6000, 'MariaDB Server is a high performing open source relational database, forked from MySQL.'],
  mongo: [10600, 'MongoDB document databases provide high availability and easy scalability.'],
  php: [7700, 'While designed for web development, the PHP scripting language also provides general-purpose use.'],
  wordpress: [5800, 'The WordPress rich content management system can utilize plugins, widgets, and themes.'],
  'mongo-express': [1480, 'Web-based MongoDB admin interface, written with Node.js and express'],
  phpmyadmin: [1000, 'phpMyAdmin - A web interface for MySQL and MariaDB.'],
};

/** Community repositories, one `name stars description` a line (the description may be empty). */
export const HUB_REPOS = `nginx/nginx-ingress 121 NGINX and  NGINX Plus Ingress Controllers for Kubernetes
nginx/nginx-prometheus-exporter 52 NGINX Prometheus Exporter for NGINX and NGINX Plus
nginx/nginxaas-loadbalancer-kubernetes 1 
bitnamicharts/nginx 4 Bitnami Helm chart for NGINX Open Source
ubuntu/squid 129 Squid is a caching proxy for the Web. Long-term tracks maintained by Canonical.
ubuntu/nginx 141 Nginx, a high-performance reverse proxy & web server. Long-term tracks maintained by Canonical.
kasmweb/nginx 9 An Nginx image based off nginx:alpine and includes Kasm configs
rancher/nginx 4 
linuxserver/nginx 236 An Nginx container, brought to you by LinuxServer.io.
paketobuildpacks/nginx 0 
vmware/nginx 3 
intel/nginx 0 
circleci/nginx 2 This image is for internal use
corpusops/nginx 1 https://github.com/corpusops/docker-images/
dockette/nginx 3 Nginx SSL / HSTS / HTTP2
ubuntu/kafka 53 Apache Kafka, a distributed event streaming platform. Long-term tracks maintained by Canonical.
ubuntu/apache2 95 Apache, a secure & extensible open-source HTTP server. Long-term tracks maintained by Canonical.
ubuntu/prometheus 72 Prometheus is a systems and service monitoring system. Long-term tracks maintained by Canonical.
ubuntu/bind9 107 BIND 9 is a very flexible, full-featured DNS system. Long-term tracks maintained by Canonical.
alpine/git 250 A  simple git container running in alpine linux, especially for small size (~30MB)
alpine/socat 100 Run socat command in alpine container
alpine/curl 12 
alpine/openssl 10 openssl
grafana/alpine 7 Alpine Linux with ca-certificates package installed
jitesoft/alpine 1 Alpine Linux.
circleci/node 132 Node.js is a JavaScript-based platform for server-side and networking applications.
cimg/node 13 The CircleCI Node.js Docker Convenience Image.
bitnami/node 73 Bitnami container image for Node.js
kindest/node 120 sigs.k8s.io/kind node image
nodered/node-red 690 Low-code programming for event-driven applications
circleci/python 95 Python is an interpreted, interactive, object-oriented, open-source programming language.
cimg/python 22 
bitnami/python 29 Bitnami container image for Python
okteto/python 0 
ubuntu/python 19 A chiselled Ubuntu rock with the Python runtime
mysql/mysql-server 1000 Optimized MySQL Server Docker images. Created, maintained and supported by the MySQL team at Oracle
bitnami/mysql 117 Bitnami container image for MySQL
google/mysql 25 MySQL server for Google Compute Engine
elestio/mysql 0 Mysql, verified and packaged by Elestio
ubuntu/mysql 60 MySQL open source fast, stable, multi-thread database. Long-term tracks maintained by Canonical.
circleci/mysql 30 MySQL is a widely used, open-source relational database management system (RDBMS).
mariadb/server 40 MariaDB Server is a high performing open source relational database, forked from MySQL.
bitnami/mariadb 100 Bitnami container image for MariaDB
linuxserver/mariadb 310 A Mariadb container, brought to you by LinuxServer.io.
circleci/postgres 35 The PostgreSQL object-relational database system provides reliability and data integrity.
cimg/postgres 4 
elestio/postgres 1 Postgres, verified and packaged by Elestio
ubuntu/postgres 41 PostgreSQL is an open source object-relational database. Long-term tracks maintained by Canonical.
bitnami/postgresql 250 Bitnami container image for PostgreSQL
rapidfort/postgresql 19 RapidFort optimized, hardened image for PostgreSQL
redis/redis-stack 100 redis-stack installs a Redis server with additional database capabilities and the RedisInsight.
bitnami/redis 300 Bitnami container image for Redis
ubuntu/redis 25 Redis, an open source key-value store. Long-term tracks maintained by Canonical.
circleci/redis 10 CircleCI images for Redis
circleci/mongo 13 CircleCI images for MongoDB
litmuschaos/mongo 1 
corpusops/mongo 0 https://github.com/corpusops/docker-images/
kubedb/mongo 0 
mongodb/mongodb-community-server 90 The Official MongoDB Community Server
bitnami/mongodb 250 Bitnami container image for MongoDB
centos/httpd 40 
paketobuildpacks/httpd 0 
rapidfort/httpd 10 RapidFort optimized, hardened image for Apache httpd
radial/busyboxplus 50 Full-chain, Internet enabled, busybox made from scratch. Comes in git and cURL flavors.
progrium/busybox 70 
yauritux/busybox-curl 20 Busybox with CURL
arm64v8/busybox 5 Busybox base image.
rancher/hello-world 5 
bitnami/wordpress 300 Bitnami container image for WordPress
circleci/php 20 CircleCI images for PHP
cimg/php 5 
bitnami/php-fpm 20 Bitnami container image for PHP-FPM
joxit/docker-registry-ui 150 The simplest and most complete UI for your private registry
konradkleine/docker-registry-frontend 300 Browse and modify your Docker registry in a browser.
debian/eol 20 Old EOL Debian images
jitesoft/debian 1 Debian Linux`;
