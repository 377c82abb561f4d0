import { ApiError } from '../api';
import type { TermIO } from '../shell';

/**
 * An error the client prints as is (already formatted) with its exit code. Reference and
 * template errors are CliErrors too: the client reports them in the same way (message, exit 1).
 */
export class CliError extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
  }
}

/**
 * Prints a command's failure the way the client does and returns its exit code: CliErrors as
 * they are, daemon errors as `Error response from daemon: …`. Anything else is a fault and is
 * thrown on.
 */
export function reportError(e: unknown, io: TermIO): number {
  if (e instanceof CliError) {
    if (e.message) io.err(e.message.endsWith('\n') ? e.message : e.message + '\n');
    return e.code;
  }
  if (e instanceof ApiError) {
    io.err(e.inStream ? e.message + '\n' : `Error response from daemon: ${e.message}\n`);
    return e.exitCode ?? 1;
  }
  throw e;
}
