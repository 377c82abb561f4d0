/** python's exception classes: each name's base, for `except` to match a subclass. */
import { SHOW, TUPLE, Thrown, pyStr, repr } from './repl-eval';

const BASES: Record<string, string> = Object.fromEntries('ZeroDivisionError:ArithmeticError OverflowError:ArithmeticError IndexError:LookupError KeyError:LookupError FileNotFoundError:OSError FileExistsError:OSError PermissionError:OSError IsADirectoryError:OSError NotADirectoryError:OSError ModuleNotFoundError:ImportError UnboundLocalError:NameError NotImplementedError:RuntimeError RecursionError:RuntimeError UnicodeError:ValueError Exception:BaseException SystemExit:BaseException KeyboardInterrupt:BaseException GeneratorExit:BaseException'.split(' ').map((x) => x.split(':')));
const KNOWN = 'BaseException ArithmeticError LookupError OSError ImportError RuntimeError ValueError TypeError NameError AttributeError AssertionError StopIteration MemoryError SyntaxError';

/** The programs' own exception classes' bases (a name a program defines again takes its new base). */
export const USER: Record<string, string> = {};
export const baseOf = (name: string): string | undefined => BASES[name] ?? USER[name] ?? (name === 'BaseException' ? undefined : 'Exception');
/** Whether an exception of class `type` is one of `cls` (a class, or a tuple of them). */
export const isA = (type: string | undefined, cls: unknown): boolean =>
  Array.isArray(cls) ? cls.some((c) => isA(type, c)) : !!type && (type === (cls as { exc?: string })?.exc || isA(baseOf(type), cls));

/** The builtin classes by name, made once per interpreter so that `ValueError is ValueError`; calling one makes a Thrown with its args. */
export const excClasses = (): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const type of [...KNOWN.split(' '), ...Object.keys(BASES)]) {
    const text = (a: unknown[]) => (a.length === 1 ? (type === 'KeyError' ? repr : pyStr)(a[0]) : a.length ? repr(Object.assign(a, { [TUPLE]: true })) : '');
    out[type] = Object.assign((...args: unknown[]) => Object.assign(new Thrown(type, text(args)), { args, user: true }), { exc: type, fname: type, [SHOW]: `<class '${type}'>` });
  }
  // IOError and EnvironmentError are OSError's old names: the same class
  out.IOError = out.EnvironmentError = out.OSError;
  return out;
};
