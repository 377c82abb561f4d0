/**
 * `docker context ls|show`: the client's context store holds only `default`, the context of
 * DOCKER_HOST (the local socket), which is the current one.
 */
import type { Handler } from '../cli';
import { formatList } from '../format/list';

const TABLE = 'table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}';
const HEADERS = { Name: 'NAME', Description: 'DESCRIPTION', DockerEndpoint: 'DOCKER ENDPOINT', Error: 'ERROR' };
const DEFAULT = { Current: true, Description: 'Current DOCKER_HOST based configuration', DockerEndpoint: 'unix:///var/run/docker.sock', Error: '', Name: 'default' };

export const contextLs: Handler = async (ctx, f) => {
  const format = f.bool('quiet') ? '{{.Name}}' : f.str('format') || 'table';
  ctx.io.out(formatList(format === 'table' ? TABLE : format === 'json' ? '{{json .}}' : format, [DEFAULT], HEADERS));
  return 0;
};

export const contextShow: Handler = async (ctx) => {
  ctx.io.out(DEFAULT.Name + '\n');
  return 0;
};
