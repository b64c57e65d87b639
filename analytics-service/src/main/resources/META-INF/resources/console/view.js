import {ApiError} from './api.js';
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

/**
 * The date-range filter the dashboard endpoints take (from, to: inclusive days; period of the series). Submitting
 * it moves to the page's address with the filter in it, so a filtered page can be bookmarked and reloaded.
 */
export function rangeForm(route, params, withPeriod) {
  const field = (name, label, input) => h('div', {class: 'field'}, h('label', {for: `filter-${name}`}, label), input);
  const period = params.get('period') || 'month';
  const form = h('form', {class: 'filters', 'aria-label': 'Date range', onsubmit: event => {
      event.preventDefault();
      const chosen = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (value) chosen.set(name, value);
      }
      const query = chosen.toString();
      location.hash = `#/${route}${query ? '?' + query : ''}`;
    }},
    field('from', 'From', h('input', {id: 'filter-from', name: 'from', type: 'date', value: params.get('from') || ''})),
    field('to', 'To (inclusive)', h('input', {id: 'filter-to', name: 'to', type: 'date', value: params.get('to') || ''})),
    withPeriod ? field('period', 'Period', h('select', {id: 'filter-period', name: 'period'},
      ['day', 'week', 'month'].map(p => h('option', {value: p, selected: p === period}, p)))) : null,
    h('button', {type: 'submit'}, 'Apply'));
  return form;
}

/** The filter values a dashboard endpoint takes, from the page's address. */
export function rangeOf(params, withPeriod) {
  const range = {from: params.get('from'), to: params.get('to')};
  if (withPeriod) range.period = params.get('period');
  return range;
}
