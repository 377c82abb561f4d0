/**
 * What GNU programs print for --version: their line, the FSF's copyright and the GPLv3 notice,
 * whose licence address (http or https, with or without a full stop) depends on the release.
 */
export const gnuVersion = (head: string, years: string | number, licence = 'https://gnu.org/licenses/gpl.html>.'): string =>
  `${head}\nCopyright (C) ${years} Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <${licence}\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`;
