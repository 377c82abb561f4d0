/** A variable of a process environment (`KEY=value` entries): its value, '' when unset. */
export const envVar = (env: string[], k: string): string => env.find((e) => e.startsWith(k + '='))?.slice(k.length + 1) ?? '';
