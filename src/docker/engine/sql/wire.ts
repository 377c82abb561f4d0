/**
 * How the database clients reach their servers: a request goes to the server's port as JSON
 * behind the protocol's tag and the answer comes back as JSON; anything else that reaches the
 * port gets the connection closed.
 */
import type { HttpReply } from '../shell/types';

export const serveWire = <T>(port: number, tag: string, answer: (req: T) => unknown) => (p: number, path: string): HttpReply | null =>
  p !== port ? null : path.startsWith(tag) ? { status: 200, body: JSON.stringify(answer(JSON.parse(path.slice(tag.length)) as T)), server: '' } : { status: 0, body: '', server: '' };
