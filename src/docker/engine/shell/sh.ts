/** The containers run the shared shell (common/sh/sh.ts); the engine imports it from here. */
export { Shell, flavorAt, STD_PATH, type Flavor, type ShellState } from '../../common/sh/sh';
