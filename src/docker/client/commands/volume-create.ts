/** `docker volume create`: prints the name of the volume (a random one when none is given). */
import { CliError, type Handler } from '../cli';
import { kvMap } from '../opt-values';

export const volumeCreate: Handler = async (ctx, f, [arg]) => {
  // --name is the hidden flag of before the positional argument.
  if (arg !== undefined && f.str('name')) throw new CliError('conflicting options: cannot specify a volume-name through both --name and as a positional arg');
  const v = await ctx.api.volumeCreate({ Name: arg ?? f.str('name') ?? '', Driver: f.str('driver') ?? 'local', DriverOpts: kvMap(f.list('opt')), Labels: kvMap(f.list('label')) });
  ctx.io.out(v.Name + '\n');
  return 0;
};
