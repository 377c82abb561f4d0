/**
 * Deck runtime: starts reveal.js on the pre-rendered slides, exposes `window.Aula` and, once the
 * first slide is on screen, loads the extra scripts this deck needs (terminals, diagrams...).
 */
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import type { AulaApi } from './api';
import { readConfig } from './config';
import { Mounts, watchRebuilds } from './mounts';
import { afterPaint, loadScript, loadStyle } from './lazy';
import { translateUi } from './spanish';
import { installSpanishSpeakerView } from './speaker-view';
import { installDiagramZoom } from '../diagrams/zoom';
import { initStudentTools, READING_CONFIG } from './student-tools';
import { initShare } from './share';
import { markSingleFile } from './single-file';

const config = readConfig();
const slidesEl = () => document.querySelector<HTMLElement>('.reveal .slides');
const mounts = new Mounts(slidesEl);

const aula: AulaApi = {
  reveal: Reveal,
  config,
  registerMount: (name, fn) => mounts.register(name, fn),
  remount: () => mounts.remount(),
};
window.Aula = aula;
installSpanishSpeakerView();

// Terminals first: they are what the audience waits for on a slide; search can come last.
const order = ['terminal', 'mermaid', 'search'];
const extraScripts = Object.keys(config.scripts).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));

async function loadExtras(): Promise<void> {
  await afterPaint();
  for (const name of extraScripts) {
    const style = config.styles?.[name];
    if (style) loadStyle(style);
    loadScript(config.scripts[name]).catch((e: Error) => console.error(`Aula: ${e.message}`));
  }
}

Reveal.initialize({
  width: 960,
  height: 700,
  margin: 0.04,
  hash: true,
  history: false,
  slideNumber: 'c/t',
  showSlideNumber: 'all',
  progress: true,
  controls: true,
  controlsTutorial: false,
  overview: true,
  center: true,
  transition: 'slide',
  transitionSpeed: 'fast',
  backgroundTransition: 'fade',
  pdfSeparateFragments: false,
  plugins: [Notes, Search, Zoom],
  // reading view (scroll view with notes), on by itself on narrow screens
  ...READING_CONFIG,
}).then(() => {
  translateUi();
  if (config.singleFile) markSingleFile();
  installDiagramZoom();
  // before any mount: the reading view keeps the slides as built
  initStudentTools(aula);
  initShare();
  const slides = slidesEl();
  if (slides) watchRebuilds(slides, () => mounts.remount());
  void loadExtras();
});
