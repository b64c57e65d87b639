import {ApiError, getJson} from './api.js';
import {h, problemBox} from './dom.js';

/**
 * Awaits a call and renders its answer; a failed call or an answer the page cannot render becomes a problem box in
 * its place, so one broken service never blanks the rest of the page.
 */
export async function rendered(call, render, what) {
  try {
    return render(await call);
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(0, 'Unexpected answer', e.message);
    return problemBox(error, what);
  }
}

/** A titled section of a page; its heading labels it for screen readers. */
export function section(id, title, ...content) {
  return h('section', {class: 'card', 'aria-labelledby': `${id}-title`, 'data-section': id},
    h('h2', {id: `${id}-title`}, title), content);
}

/** The rows of a list answer, whether a page ({items, ...}) or a plain array. */
export const itemsOf = answer => (Array.isArray(answer) ? answer : (answer && answer.items) || []);

/** Moves to a route with these parameters (empty ones left out): the address is the page's whole state. */
export function go(route, values) {
  const chosen = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') chosen.set(name, value);
  }
  const query = chosen.toString();
  location.hash = `#/${route}${query ? '?' + query : ''}`;
}

/** The current page's parameters with some replaced (drill-down keeps the other slicers). */
export function withParams(params, changes) {
  return {...Object.fromEntries(params), ...changes};
}

let categories;
/** Every category (id, name, parentId), read once per visit. */
export function allCategories() {
  categories = categories || getJson('/api/analytics/catalog/categories').catch(e => {
    categories = undefined;
    throw e;
  });
  return categories;
}

const PAYMENT_METHODS = ['credit_card', 'debit_card', 'paypal', 'bank_transfer', 'boleto', 'voucher'];
const STATUSES = ['created', 'pending', 'processing', 'approved', 'invoiced', 'shipped', 'delivered', 'cancelled'];

/**
 * The slicers a page offers, as a form whose every change moves to the page's address with the new filters (so a
 * filtered page can be bookmarked, shared and reloaded). names: the filters the page's endpoints take, of
 * from, to, period, categoryId, country, state, status, paymentMethod.
 */
export async function slicers(route, params, names) {
  const has = name => names.includes(name);
  const value = name => params.get(name) || '';
  const field = (name, label, input) => h('div', {class: 'field'}, h('label', {for: `filter-${name}`}, label), input);
  const select = (name, options) => h('select', {id: `filter-${name}`, name},
    options.map(([optionValue, text]) => h('option', {value: optionValue, selected: optionValue === value(name)}, text)));
  let categoryOptions = [];
  if (has('categoryId')) {
    try {
      categoryOptions = (await allCategories()).map(c => [String(c.id), c.name || `category ${c.id}`]);
    } catch (ignored) {
      // without the list the slicer still shows and keeps a chosen id
      if (value('categoryId')) categoryOptions = [[value('categoryId'), `category ${value('categoryId')}`]];
    }
  }
  const form = h('form', {class: 'filters', 'aria-label': 'Filters'},
    has('from') ? field('from', 'From', h('input', {id: 'filter-from', name: 'from', type: 'date', value: value('from')})) : null,
    has('to') ? field('to', 'To (inclusive)', h('input', {id: 'filter-to', name: 'to', type: 'date', value: value('to')})) : null,
    has('period') ? field('period', 'Period', select('period', [['month', 'month'], ['week', 'week'], ['day', 'day']])) : null,
    has('categoryId') ? field('categoryId', 'Category', select('categoryId', [['', 'all categories'], ...categoryOptions])) : null,
    has('country') ? field('country', 'Country', h('input', {id: 'filter-country', name: 'country', type: 'text',
      value: value('country'), placeholder: 'any', size: 10})) : null,
    has('state') ? field('state', 'State', h('input', {id: 'filter-state', name: 'state', type: 'text',
      value: value('state'), placeholder: 'any', size: 8})) : null,
    has('status') ? field('status', 'Order status', select('status', [['', 'any status'], ...STATUSES.map(s => [s, s])])) : null,
    has('paymentMethod') ? field('paymentMethod', 'Payment method', select('paymentMethod',
      [['', 'any method'], ...withChosen(PAYMENT_METHODS, value('paymentMethod')).map(m => [m, m.replaceAll('_', ' ')])])) : null,
    h('button', {type: 'submit'}, 'Apply'),
    h('a', {href: `#/${route}`, class: 'clear'}, 'Clear filters'));
  const apply = () => {
    const chosen = Object.fromEntries(params);
    for (const name of names) chosen[name] = '';
    for (const [name, chosenValue] of new FormData(form)) chosen[name] = String(chosenValue).trim();
    go(route, chosen);
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    apply();
  });
  // Selects and dates apply at once; text boxes when the reader leaves them or presses Enter.
  form.addEventListener('change', apply);
  return form;
}

const withChosen = (list, chosen) => (chosen && !list.includes(chosen) ? [...list, chosen] : list);

/** The filter values an endpoint takes, from the page's address. */
export function filtersOf(params, names) {
  return Object.fromEntries(names.map(name => [name, params.get(name)]).filter(([, v]) => v));
}

/** The last day of the period starting on start ("2031-03-01", "month") as an ISO day: drill-down to its days. */
export function periodEnd(start, period) {
  const day = new Date(`${start}T00:00:00Z`);
  if (period === 'week') day.setUTCDate(day.getUTCDate() + 6);
  else if (period === 'month') day.setUTCMonth(day.getUTCMonth() + 1, 0);
  return day.toISOString().slice(0, 10);
}

/** A period's start as the reader thinks of it: the month for monthly series, the day otherwise. */
export const periodLabel = period => start => ((period || 'month') === 'month' ? String(start).slice(0, 7) : String(start));

/**
 * Where a paged answer ({items, page, size, total}) stands, with links to the pages before and after it.
 * toPage(page): moves there (keeping the address's other values); labels: [before, after].
 */
export function pager(answer, what, toPage, labels = ['Previous page', 'Next page']) {
  const last = Math.max(0, Math.ceil(answer.total / answer.size) - 1);
  const link = (page, label) => h('a', {href: '#', 'data-page-link': String(page), onclick: event => {
    event.preventDefault();
    toPage(page);
  }}, label);
  return h('p', {class: 'note pager'}, `${answer.total} ${what}; page ${answer.page + 1} of ${last + 1}. `,
    answer.page > 0 ? link(answer.page - 1, labels[0]) : null, answer.page > 0 && answer.page < last ? ' · ' : null,
    answer.page < last ? link(answer.page + 1, labels[1]) : null);
}
