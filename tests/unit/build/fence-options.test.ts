import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFenceInfo, parseFenceOptions } from '../../../src/build/fence-options';

test('key=value, key="con espacios", key=\'simples\' y banderas sueltas', () => {
  assert.deepEqual(parseFenceInfo('terminal title="Mi primer contenedor" session=lab rows=12 autoplay'), {
    lang: 'terminal',
    options: { title: 'Mi primer contenedor', session: 'lab', rows: '12', autoplay: 'true' },
    problems: [],
  });
  assert.deepEqual(parseFenceOptions(`caption='a "b" c' alt="x"`).options, { caption: 'a "b" c', alt: 'x' });
});

test('comillas escapadas dentro de un valor', () => {
  assert.deepEqual(parseFenceOptions('title="dice \\"hola\\""').options, { title: 'dice "hola"' });
});

test('sin lenguaje ni opciones', () => {
  assert.deepEqual(parseFenceInfo(''), { lang: '', options: {}, problems: [] });
  assert.deepEqual(parseFenceInfo('bash'), { lang: 'bash', options: {}, problems: [] });
});

test('comillas sin cerrar y opción sin nombre son problemas', () => {
  assert.deepEqual(parseFenceOptions('title="abierto').problems, ['falta cerrar las comillas de la opción «title»']);
  assert.equal(parseFenceOptions('=x').problems.length, 1);
});

test('valor vacío', () => {
  assert.deepEqual(parseFenceOptions('title="" rows=').options, { title: '', rows: '' });
});
