/** The process and machine types live with the shared shell (common/sh); the engine's modules import them from here. */
export type * from '../../common/sh/types';
