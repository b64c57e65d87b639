// Numbers in the reader's locale; a figure the API leaves null (a rate without orders) shows as a dash.

const counts = new Intl.NumberFormat(undefined, {maximumFractionDigits: 0});
const amounts = new Intl.NumberFormat(undefined, {minimumFractionDigits: 2, maximumFractionDigits: 2});
const percents = new Intl.NumberFormat(undefined, {style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1});
const decimals = new Intl.NumberFormat(undefined, {maximumFractionDigits: 3});
const DASH = '—';

export const count = n => (n === null || n === undefined ? DASH : counts.format(n));
export const amount = n => (n === null || n === undefined ? DASH : amounts.format(n));
export const percent = rate => (rate === null || rate === undefined ? DASH : percents.format(rate));
export const decimal = n => (n === null || n === undefined ? DASH : decimals.format(n));
export const text = s => (s === null || s === undefined || s === '' ? DASH : String(s));
/** An ISO timestamp without zone (the services answer UTC) as "2031-03-01 09:00 UTC". */
export const utc = t => (t ? `${String(t).replace('T', ' ').slice(0, 16)} UTC` : DASH);
