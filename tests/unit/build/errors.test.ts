import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, fm } from './fixture-decks';

const F = 'tests/fixtures/errors';

test('cabecera YAML rota: error en la línea del YAML', () => {
  const { errors } = check('errors/bad-yaml.md');
  assert.equal(errors.length, 1);
  assert.match(errors[0], new RegExp(`^${F}/bad-yaml\\.md:3: cabecera YAML no válida: `));
});

test('comillas sin cerrar en la cabecera', () => {
  const { errors } = parse(fm('# A', 'title: "abierto\nsummary: x'));
  assert.ok(errors.length >= 1);
  assert.equal(errors[0].file, 'slides/01-prueba.md');
  assert.ok(errors[0].line >= 2 && errors[0].line <= 3, `línea ${errors[0].line}`);
  assert.match(errors[0].message, /cabecera YAML no válida/);
});

test('faltan title y summary: un error por cada uno', () => {
  const { errors } = check('errors/missing-meta.md');
  assert.deepEqual(errors, [`${F}/missing-meta.md:1: falta \`title\` en la cabecera YAML`, `${F}/missing-meta.md:1: falta \`summary\` en la cabecera YAML`]);
});

test('sin cabecera YAML', () => {
  const { errors } = check('errors/no-front-matter.md');
  assert.equal(errors.length, 1);
  assert.match(errors[0], new RegExp(`^${F}/no-front-matter\\.md:1: falta la cabecera YAML`));
});

test('cabecera sin cerrar', () => {
  const { errors } = parse('---\ntitle: a\nsummary: b\n\n# Hola\n');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].line, 1);
  assert.match(errors[0].message, /no se cierra/);
});

test('clave desconocida, valor vacío o idioma raro en la cabecera, con su línea', () => {
  const { errors } = parse(fm('# A', 'title: T\nsumary: S\nsubtitle: ""\nlang: español'));
  assert.deepEqual(
    errors.map((e) => [e.line, e.message.split(' ').slice(0, 3).join(' ')]),
    [
      [3, 'clave desconocida «sumary»'],
      [4, 'la clave «subtitle»'],
      [5, 'idioma «español» no'],
      [1, 'falta `summary` en'],
    ],
  );
});

test('bloque de código sin cerrar: error en la línea que lo abre', () => {
  const { errors } = check('errors/unclosed-fence.md');
  assert.deepEqual(errors, [`${F}/unclosed-fence.md:12: bloque de código sin cerrar: falta una línea «\`\`\`» que lo termine`]);
});

test('imagen que no existe en assets/, también en <img>, y una imagen de fuera', () => {
  const { errors } = check('errors/missing-image.md');
  assert.deepEqual(errors, [
    `${F}/missing-image.md:10: imagen no encontrada: assets/img/no-existe.png (escrita como «img/no-existe.png»)`,
    `${F}/missing-image.md:16: imagen no encontrada: assets/img/tampoco.svg (escrita como «img/tampoco.svg»)`,
    `${F}/missing-image.md:18: imagen «https://example.com/x.png» fuera de assets/: el curso debe funcionar sin conexión, copie la imagen en assets/img/`,
  ]);
});

test('opción desconocida en un bloque de código y en un bloque de módulo; comillas sin cerrar', () => {
  const { errors } = check('errors/fence-options.md');
  assert.deepEqual(errors, [
    `${F}/fence-options.md:8: opción desconocida «colour» en el bloque \`bash\` (los bloques de código admiten: title)`,
    `${F}/fence-options.md:14: opción desconocida «sesion» en el bloque \`terminal\` (los bloques \`terminal\` admiten: title, session, rows, autoplay)`,
    `${F}/fence-options.md:18: opciones del bloque \`mermaid\`: falta cerrar las comillas de la opción «caption»`,
  ]);
});

test('un módulo registrado decide qué opciones admite su bloque', async () => {
  const { parseDeck } = await import('../../../src/build/parse');
  const { validateDecks } = await import('../../../src/build/validate');
  const plugin = { lang: 'terminal', options: ['title'] as const, render: async () => ({ results: new Map(), errors: [] }) };
  const r = parseDeck('slides/01-x.md', fm('\n```terminal title=x rows=3\nls\n```\n'), (l) => l === 'terminal');
  const errors = validateDecks([r.deck], '/nonexistent', (l) => (l === 'terminal' ? plugin : undefined));
  assert.deepEqual(errors.map((e) => `${e.line}: ${e.message}`), ['6: opción desconocida «rows» en el bloque `terminal` (los bloques `terminal` admiten: title)']);
});

test('todos los errores de un archivo a la vez, cada uno con su línea', () => {
  const { errors } = check('errors/many.md');
  assert.deepEqual(errors.sort(), [
    `${F}/many.md:16: bloque de código sin cerrar: falta una línea «\`\`\`» que lo termine`,
    `${F}/many.md:1: falta \`summary\` en la cabecera YAML`,
    `${F}/many.md:10: opción desconocida «linenos» en el bloque \`js\` (los bloques de código admiten: title)`,
    `${F}/many.md:3: clave desconocida «unknown» en la cabecera YAML (se admiten: title, summary, subtitle, lang)`,
    `${F}/many.md:8: imagen no encontrada: assets/img/falta.svg (escrita como «img/falta.svg»)`,
  ].sort());
});
