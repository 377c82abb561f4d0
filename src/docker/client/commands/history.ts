/** `docker history`: newest layer first, `<missing>` for layers without a local image. */
import type { Handler } from '../cli';
import { formatList, listFormat } from '../format/list';
import { ellipsis } from '../format/table';
import { ago, shortId, sizeString } from '../format/units';

const DEFAULT = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const HEADERS = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };
const Y2K = Date.UTC(2000, 0, 1) / 1000;

export const history: Handler = async (ctx, f, [image]) => {
  const items = await ctx.api.imageHistory(image);
  const human = f.bool('human', true);
  const trunc = !f.bool('no-trunc');
  const now = ctx.api.now();
  const format = listFormat(f, DEFAULT);
  const wantsIso = !human || format.includes('CreatedAt') || /\{\{\s*json\s+\.\s*\}\}/.test(format);
  const rows = items.map((h) => {
    const createdBy = h.CreatedBy.replace(/\t/g, ' ');
    const iso = wantsIso ? new Date(h.Created * 1000).toISOString().replace(/\.\d+Z$/, 'Z') : '';
    return {
      ID: trunc ? shortId(h.Id) : h.Id,
      CreatedSince: !human ? iso : h.Created <= Y2K ? 'N/A' : ago(now, h.Created),
      CreatedAt: iso,
      CreatedBy: trunc ? ellipsis(createdBy, 45) : createdBy,
      Size: human ? sizeString(h.Size) : String(h.Size),
      Comment: h.Comment,
    };
  });
  ctx.io.out(formatList(format, rows, HEADERS, '*image.historyContext'));
  return 0;
};
