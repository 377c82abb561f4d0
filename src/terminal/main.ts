/**
 * Entry of the terminal bundle, loaded by the deck runtime only on decks that have terminals,
 * after the first slide is on screen.
 */
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import { createShell } from '../docker/index';
import { startTerminals } from './mount';

startTerminals((options) => createShell(options));
