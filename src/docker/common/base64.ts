/** Base64 of a text's UTF-8 bytes, and back (atob throws on what is no base64). */
const utf8 = new TextEncoder();
export const b64encode = (s: string): string => btoa(Array.from(utf8.encode(s), (c) => String.fromCharCode(c)).join(''));
export const b64decode = (b: string): string => new TextDecoder().decode(Uint8Array.from(atob(b), (c) => c.charCodeAt(0)));
