/**
 * What Docker Hub's search knows of the catalogue's official repositories: their short
 * descriptions as the Hub shows them, and star counts of mid-2025 (rounded).
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
};
