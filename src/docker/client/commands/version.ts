/** `docker version`: the captured client part and the engine's server part. */
import type { Handler } from '../cli';
import { parseOwn, renderOwn } from '../format/template';
import { asctime } from '../../common/dates';

const CLIENT = {
  Platform: { Name: '' }, Version: '28.2.2', ApiVersion: '1.50', DefaultAPIVersion: '1.50', GitCommit: 'e6534b4',
  GoVersion: 'go1.24.3', Os: 'linux', Arch: 'amd64', BuildTime: 'Fri May 30 12:07:14 2025', Context: 'default',
};

const CLIENT_TEXT = `Client:
 Version:           28.2.2
 API version:       1.50
 Go version:        go1.24.3
 Git commit:        e6534b4
 Built:             Fri May 30 12:07:14 2025
 OS/Arch:           linux/amd64
 Context:           default
`;

/** The client shows the daemon's RFC 3339 build time in Go's ANSIC layout. */
function ansic(t: string): string {
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? t : asctime(ms);
}

export const version: Handler = async (ctx, f) => {
  const server = await ctx.api.version();
  const format = f.str('format');
  if (format) {
    const data = { Client: CLIENT, Server: server };
    const src = format === 'json' ? '{{json .}}' : format;
    // The template is named "version": Go's messages say so.
    const tpl = parseOwn(src, 'version');
    try {
      ctx.io.out(renderOwn(tpl, src, data, false, 'system.versionInfo', 'version') + '\n');
    } catch (e) {
      ctx.io.out('\n');
      throw e;
    }
    return 0;
  }
  let out = CLIENT_TEXT + `\nServer:${server.Platform?.Name ? ' ' + server.Platform.Name : ''}\n`;
  for (const c of server.Components ?? []) {
    out += ` ${c.Name}:\n`;
    if (c.Name === 'Engine') {
      const d = c.Details;
      out += `  Version:          ${c.Version}\n  API version:      ${d.ApiVersion} (minimum version ${d.MinAPIVersion})\n  Go version:       ${d.GoVersion}\n  Git commit:       ${d.GitCommit}\n  Built:            ${ansic(d.BuildTime)}\n  OS/Arch:          ${d.Os}/${d.Arch}\n  Experimental:     ${d.Experimental}\n`;
    } else {
      out += `  Version:          ${c.Version}\n`;
      for (const [k, v] of Object.entries(c.Details)) out += `  ${k}:${' '.repeat(Math.max(1, 17 - k.length))}${v}\n`;
    }
  }
  ctx.io.out(out);
  return 0;
};
