import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fold, queryWords } from '../../../src/search/fold';

test('fold removes accents and case the way Spanish readers expect', () => {
  assert.equal(fold('Imágenes'), 'imagenes');
  assert.equal(fold('CONTENEDOR ÚNICO'), 'contenedor unico');
  assert.equal(fold('Año, pingüino, ¿Qué?'), 'ano, pinguino, ¿que?');
  assert.equal(fold('Ça ñ Ü ô è'), 'ca n u o e');
});

test('fold keeps the length of any text, so match positions map back to the original', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      assert.equal(fold(s).length, s.length);
    }),
  );
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => fold(s).length === s.length));
});

test('fold is idempotent and ignores the accents of its input', () => {
  fc.assert(fc.property(fc.string(), (s) => fold(fold(s)) === fold(s)));
  assert.equal(fold('imágenes'), fold('imagenes'));
  assert.equal(fold('IMÁGENES'), fold('imagenes'));
});

test('queryWords splits a query into folded, unique words and keeps docker-ish tokens whole', () => {
  assert.deepEqual(queryWords('  Imágenes  y CAPAS, imagenes '), ['imagenes', 'y', 'capas']);
  assert.deepEqual(queryWords('docker run -it ubuntu:24.04'), ['docker', 'run', 'it', 'ubuntu:24.04']);
  assert.deepEqual(queryWords('¿?¡! --- '), []);
});
