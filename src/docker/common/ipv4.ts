/** IPv4 addresses as numbers, for subnets, ranges and masks (the client and the engine both check them). */
/** A dotted quad, as the tools tell an address from a name. */
export const isIpv4 = (s: string) => /^\d+(\.\d+){3}$/.test(s);
export const ipNum = (ip: string) => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0);
export const ipStr = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
