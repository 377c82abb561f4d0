/** Moved to common (the shell's sha256sum uses it too). */
export * from '../common/hash';
