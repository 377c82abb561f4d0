/** Why a container cannot be attached to: the client checks first, the daemon again (same words). */
export const ATTACH_STOPPED = 'You cannot attach to a stopped container, start it first';
export const ATTACH_PAUSED = 'You cannot attach to a paused container, unpause it first';
export const ATTACH_RESTARTING = 'You cannot attach to a restarting container, wait until it is running';
