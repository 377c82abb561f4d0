/** Shared shapes of the Node-side build chain: parse -> validate -> render -> bundle. */

/** A problem in the course sources, always reported as `file:line: message`. */
export interface BuildError {
  file: string; // path relative to the project root, e.g. slides/01-imagenes.md
  line: number; // 1-based
  message: string;
}

export class BuildFailure extends Error {
  constructor(public readonly errors: BuildError[]) {
    super(errors.map(formatBuildError).join('\n'));
  }
}

export function formatBuildError(e: BuildError): string {
  return `${e.file}:${e.line}: ${e.message}`;
}

/** A fenced block handed to its own module (```mermaid, ```terminal). */
export interface FenceBlock {
  lang: string;
  /** key=value options from the fence line, already unquoted. */
  options: Record<string, string>;
  body: string;
  file: string;
  /** line of the opening fence in the source file (1-based); body line k is at line + k. */
  line: number;
  /** slug of the deck the fence belongs to. */
  deck: string;
  /** unique id of the fence in the course, usable as an HTML id prefix. */
  id: string;
}

export interface FenceResult {
  /** HTML that replaces the fence inside the slide. */
  html: string;
  /** Browser features the deck then needs (e.g. 'terminal', 'mermaid-runtime'). */
  needs?: string[];
}

/**
 * A module that owns one fence language. The build gives it every fence of its language in the
 * whole course at once, so it can batch work (one browser for all diagrams, one engine per session).
 */
export interface FencePlugin {
  lang: string;
  /** Allowed option names; any other option on the fence line is a build error. */
  options: readonly string[];
  render(fences: FenceBlock[], ctx: BuildContext): Promise<{ results: Map<string, FenceResult>; errors: BuildError[] }>;
}

export interface BuildContext {
  root: string; // project root (absolute)
  cacheDir: string; // <root>/.cache
  log(message: string): void;
  warn(message: string): void;
}
