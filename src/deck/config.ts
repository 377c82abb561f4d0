import type { AulaConfig } from './api';

export function readConfig(doc: Document = document): AulaConfig {
  const el = doc.getElementById('aula-config');
  let parsed: Partial<AulaConfig> = {};
  if (el?.textContent) {
    try {
      parsed = JSON.parse(el.textContent) as Partial<AulaConfig>;
    } catch (e) {
      console.error('Aula: la configuración de la presentación (#aula-config) no es JSON válido', e);
    }
  }
  return { deck: '', title: doc.title, ...parsed, scripts: parsed.scripts ?? {}, styles: parsed.styles ?? {} };
}
