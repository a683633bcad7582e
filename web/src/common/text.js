// Names and texts in a language, and how amounts and dates read.

// A name or a text of SPEC 7 is a string or {lang: string}. Returns it in
// lang, else in the first of languages, else in any language it has (R13);
// an empty string counts as missing.
export function pickText(value, lang, languages = []) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  const order = [lang, ...languages, ...Object.keys(value)];
  for (const l of order) {
    if (l && typeof value[l] === 'string' && value[l] !== '') return value[l];
  }
  return '';
}

// An amount in the currency's minor unit (cents), as a buyer reads it.
export function formatMoney(amount, currency, lang) {
  if (typeof amount !== 'number') return '';
  try {
    return new Intl.NumberFormat(lang || 'en', {
      style: 'currency',
      currency: currency || 'USD',
    }).format(amount / 100);
  } catch (e) {
    return `${(amount / 100).toFixed(2)} ${currency || ''}`.trim();
  }
}

// An RFC 3339 time as written at the venue: the wall-clock date and time in
// the string, whatever the browser's own time zone (SPEC 7 writes times
// with the venue's UTC offset).
export function formatStart(start, lang, withTime = true) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(start || '');
  if (!m) return start || '';
  const wall = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0)));
  const options = { timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' };
  if (withTime && m[4] !== undefined) {
    options.hour = '2-digit';
    options.minute = '2-digit';
  }
  return new Intl.DateTimeFormat(lang || 'en', options).format(wall);
}

// The local date (YYYY-MM-DD) written in an RFC 3339 time.
export function localDate(start) {
  return (start || '').slice(0, 10);
}
