/**
 * The build writes into a fresh sibling directory and only then swaps it into place, so a failed
 * build leaves the previous output untouched and a server never sees a half-written site.
 */
import { mkdirSync, renameSync, rmSync, existsSync, writeFileSync, cpSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export function createStaging(outDir: string): string {
  const staging = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}-${Date.now()}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  return staging;
}

export function writeFile(dir: string, rel: string, content: string | Uint8Array): void {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

export function copyDir(from: string, to: string): void {
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}

/** Replaces outDir with staging; the old tree is removed only after the new one is in place. */
export function swapInto(staging: string, outDir: string): void {
  const old = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}-${Date.now()}`);
  const hadOld = existsSync(outDir);
  if (hadOld) renameSync(outDir, old);
  try {
    renameSync(staging, outDir);
  } catch (e) {
    if (hadOld) renameSync(old, outDir);
    throw e;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

export function discard(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
