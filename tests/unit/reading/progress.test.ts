import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { linearIndex } from '../../../src/deck/progress';
import { clearAllProgress, readProgress, statusOf, writeProgress, PROGRESS_PREFIX, type DeckProgress } from '../../../src/deck/progress-store';

class MemoryStorage {
  private map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.map.set(k, String(v));
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as unknown as { window: unknown }).window = { localStorage: storage };
});

const p = (over: Partial<DeckProgress> = {}): DeckProgress => ({ h: 2, v: 1, index: 4, total: 9, done: false, at: 1, ...over });

test('linearIndex counts slides in reading order, vertical stacks included', () => {
  const counts = [1, 3, 1, 2];
  assert.equal(linearIndex(counts, 0, 0), 0);
  assert.equal(linearIndex(counts, 1, 0), 1);
  assert.equal(linearIndex(counts, 1, 2), 3);
  assert.equal(linearIndex(counts, 2, 0), 4);
  assert.equal(linearIndex(counts, 3, 1), 6);
  // an out-of-range vertical index stays inside its stack
  assert.equal(linearIndex(counts, 1, 9), 3);
});

test('status: nothing stored is not started; stored is in progress until the last slide was reached', () => {
  assert.equal(statusOf(readProgress('capas')), 'not-started');
  writeProgress('capas', p());
  assert.equal(statusOf(readProgress('capas')), 'in-progress');
  writeProgress('capas', p({ done: true }));
  assert.equal(statusOf(readProgress('capas')), 'done');
});

test('a damaged or foreign stored value reads as not started and is removed', () => {
  for (const bad of ['{', '"texto"', '{"h":-1,"v":0,"index":0,"total":1,"done":false,"at":1}', '{"h":1,"v":0,"index":0,"total":1,"done":"sí","at":1}', 'null']) {
    storage.setItem(`${PROGRESS_PREFIX}capas`, bad);
    assert.equal(readProgress('capas'), null, bad);
    assert.equal(storage.getItem(`${PROGRESS_PREFIX}capas`), null, bad);
  }
});

test('clearing forgets every deck and leaves other stored data alone', () => {
  writeProgress('capas', p());
  writeProgress('imagenes', p({ done: true }));
  storage.setItem('aula.terminal.capas', '{"estado":1}');
  assert.equal(clearAllProgress(), 2);
  assert.equal(readProgress('capas'), null);
  assert.equal(readProgress('imagenes'), null);
  assert.equal(storage.getItem('aula.terminal.capas'), '{"estado":1}');
});

test('without storage (blocked, private mode) progress is simply not kept', () => {
  (globalThis as unknown as { window: unknown }).window = {
    get localStorage(): Storage {
      throw new Error('SecurityError');
    },
  };
  assert.doesNotThrow(() => writeProgress('capas', p()));
  assert.equal(readProgress('capas'), null);
  assert.equal(clearAllProgress(), 0);
});
