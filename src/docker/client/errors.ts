/**
 * An error the client prints as is (already formatted) with its exit code. Reference and
 * template errors are CliErrors too: the client reports them in the same way (message, exit 1).
 */
export class CliError extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
  }
}
