/** A time's UTC fields as an HTTP date names them (`Mon, 16 Jun 2025 09:30:05 GMT`): weekday, day, month, year, time. */
export const utcFields = (ms: number) => new Date(ms).toUTCString().split(' ');

/** How python's servers (http.server, Werkzeug) date a request: `16/Jun/2025 09:30:05`. */
export const logTime = (ms: number, sep = ' ') => {
  const [, day, mon, year, time] = utcFields(ms);
  return `${day}/${mon}/${year}${sep}${time}`;
};

/** The Common Log Format's time (nginx, Apache): `16/Jun/2025:09:30:05 +0000`. */
export const clfTime = (ms: number) => logTime(ms, ':') + ' +0000';

/** C's asctime, Go's ANSIC layout: `Fri Jun  6 09:03:05 2025`, the day padded with a space. */
export const asctime = (ms: number) => {
  const [w, day, mon, year, time] = utcFields(ms);
  return `${w.slice(0, 3)} ${mon} ${day.replace(/^0/, ' ')} ${time} ${year}`;
};
