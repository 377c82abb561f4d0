/** python's exception classes: each name's base, for `except` to match a subclass. */
import { Thrown } from './repl-eval';

const BASES: Record<string, string> = Object.fromEntries('ZeroDivisionError:ArithmeticError OverflowError:ArithmeticError IndexError:LookupError KeyError:LookupError FileNotFoundError:OSError FileExistsError:OSError PermissionError:OSError IsADirectoryError:OSError NotADirectoryError:OSError ModuleNotFoundError:ImportError NotImplementedError:RuntimeError RecursionError:RuntimeError UnicodeError:ValueError Exception:BaseException SystemExit:BaseException KeyboardInterrupt:BaseException'.split(' ').map((x) => x.split(':')));
const KNOWN = /^(BaseException|ArithmeticError|LookupError|OSError|ImportError|RuntimeError|ValueError|TypeError|NameError|AttributeError|AssertionError|StopIteration|MemoryError|SyntaxError|IOError|EnvironmentError)$/;

export const baseOf = (name: string): string | undefined => BASES[name] ?? (name === 'BaseException' ? undefined : 'Exception');
/** Whether an exception of class `type` is one of `cls` (a class, or a tuple of them). */
export const isA = (type: string | undefined, cls: unknown): boolean =>
  Array.isArray(cls) ? cls.some((c) => isA(type, c)) : !!type && (type === (cls as { exc?: string })?.exc || isA(baseOf(type), cls));

/** The class `name` (callable: an instance is a Thrown with its args), or undefined for no such builtin. */
export function excClass(name: string, show: symbol, text: (a: unknown[]) => string): ((...a: unknown[]) => Thrown) | undefined {
  if (!KNOWN.test(name) && !BASES[name]) return undefined;
  // IOError and EnvironmentError are OSError's old names
  const type = /^(IO|Environment)Error$/.test(name) ? 'OSError' : name;
  return Object.assign((...args: unknown[]) => Object.assign(new Thrown(type, text(args)), { args, user: true }), { exc: type, fname: name, [show]: `<class '${type}'>` });
}
