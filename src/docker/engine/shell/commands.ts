/** What a container's PATH may hold: the core programs, the images' programs and those of packages. */
import { COREUTILS } from '../../common/sh/coreutils';
import { PACKAGE_COMMANDS } from './packages';
import { PROGRAMS } from './programs';
import { dpkg } from './dpkg';
import { NET_TOOLS } from './nettools';
import { adduser, passwd, su, useradd } from './users';
import { PROC_TOOLS } from './proc-tools';
import { aptCache, aptMark } from './apt-cache';
import { envsubst } from './envsubst';
import { perl } from './perl';
import { npx } from './npx';
import { TOOLCHAIN } from './toolchain';
import { DNF } from './dnf';
import { NODE_PROGRAMS } from './node';
import type { Command } from './types';

export { opts } from '../../common/sh/opts';

export const COMMANDS: Record<string, Command> = { ...PACKAGE_COMMANDS, ...PROGRAMS, ...COREUTILS, ...NET_TOOLS, ...PROC_TOOLS, 'apt-cache': aptCache, 'apt-mark': aptMark, ...TOOLCHAIN, ...DNF, envsubst, perl, npx, nodejs: NODE_PROGRAMS.node, dpkg, 'dpkg-query': dpkg, useradd, adduser, su, passwd };
