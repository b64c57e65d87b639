import {getJson} from './api.js';
import {h, kpis, problemBox, table} from './dom.js';
import {amount, count, decimal, percent, text, utc} from './format.js';
import {productNames} from './names.js';
import {productLink} from './products.js';
import {go, itemsOf, pager, rendered, section, withParams} from './view.js';

// One customer: their orders (analytics-service) and how the three ML services see them. The calls run side by side and each section stands alone: a
// service that is down or answers a problem shows that problem in its own section.

const ORDERS_PER_PAGE = 10;

export async function customerPage(params) {
  const id = (params.get('id') || '').trim();
  const form = h('form', {class: 'filters', 'aria-label': 'Find a customer', onsubmit: event => {
      event.preventDefault();
      const value = new FormData(form).get('id').trim();
      location.hash = `#/customer?id=${encodeURIComponent(value)}`;
    }},
    h('div', {class: 'field'}, h('label', {for: 'customer-id'}, 'Customer id'),
      h('input', {id: 'customer-id', name: 'id', type: 'text', inputmode: 'numeric', pattern: '[0-9]+', required: true,
        value: id})),
    h('button', {type: 'submit'}, 'Show'));
  const heading = h('h1', {}, id ? `Customer ${id}` : 'Customer');
  if (!id) {
    return [heading, form, h('p', {class: 'hint'}, 'Enter a customer id to see their repurchase probability, segment and recommendations.')];
  }
  if (!/^[1-9][0-9]{0,17}$/.test(id)) {
    return [heading, form, problemBox({title: 'Not a customer id', detail: `"${id}" is not a positive whole number`}, 'Customer id')];
  }
  const path = encodeURIComponent(id);
  const ordersPage = Math.max(0, Number.parseInt(params.get('ordersPage') || '0', 10) || 0);
  const sections = await Promise.all([
    rendered(getJson(`/api/predictions/customers/${path}/repurchase`, {contributions: 5}), repurchase, 'Repurchase prediction'),
    rendered(getJson(`/api/segments/customers/${path}`), segment, 'Segment'),
    rendered(getJson(`/api/recommendations/customers/${path}`, {k: 10}).then(async list =>
      ({list, names: await productNames((list.items || []).map(item => item.productId))})), recommendations, 'Recommendations'),
    rendered(getJson(`/api/analytics/customers/${path}/orders`, {page: ordersPage, size: ORDERS_PER_PAGE}),
      answer => orderHistory(params, answer), 'Orders'),
  ]);
  return [heading, form,
    section('prediction', 'Repurchase probability', sections[0]),
    section('segment', 'Segment', sections[1]),
    section('recommendations', 'Recommendations', sections[2]),
    section('customer-orders', 'Orders', sections[3])];
}

function repurchase(score) {
  return [
    kpis('Repurchase prediction', [
      {key: 'probability', label: 'Probability of ordering again', text: percent(score.probability)},
      {key: 'predictedRepurchase', label: 'Prediction', text: score.predictedRepurchase ? 'will order again' : 'will not order again'},
      {key: 'threshold', label: 'Model threshold', text: percent(score.threshold)},
    ]),
    h('p', {class: 'note'}, `Model ${score.modelVersionId}, as of ${utc(score.asOf)}; facts read ${utc(score.featuresComputedAt)}.`),
    table('What moved the score most', [
      {label: 'Feature', value: c => text(c.feature)},
      {label: 'Value', value: c => decimal(c.value), numeric: true},
      {label: 'Contribution to log-odds', value: c => decimal(c.contribution), numeric: true},
    ], score.topContributions || [], 'no contributions listed.'),
  ];
}

function segment(view) {
  if (view.segmentId === null || view.segmentId === undefined) {
    return h('p', {}, 'Not in a segment: the customer has no order to segment on.');
  }
  return [
    kpis('Segment', [
      {key: 'segmentName', label: 'Segment', text: `${text(view.segmentName)} (${view.segmentId})`},
      {key: 'distance', label: 'Distance to its centre', text: decimal(view.distance)},
    ]),
    h('p', {class: 'note'}, `Assessed at ${utc(view.assessedAt)}.`),
    table('Features', [
      {label: 'Feature', value: ([name]) => name.toLowerCase().replaceAll('_', ' ')},
      {label: 'Value', value: ([, value]) => decimal(value), numeric: true},
    ], Object.entries(view.features || {})),
  ];
}

function recommendations({list, names}) {
  return [
    h('p', {class: 'note'}, `Source: ${text(list.source)}, model ${text(list.modelVersionId)}.`),
    table('Top recommendations', [
      {label: 'Rank', value: item => count(item.rank)},
      {label: 'Product', value: item => productLink(item.productId, names.get(item.productId))},
      {label: 'Category', value: item => text(item.categoryId), numeric: true},
      {label: 'Score', value: item => decimal(item.score), numeric: true},
    ], (list.items || []).map((item, i) => ({...item, rank: i + 1})), 'no recommendations.'),
  ];
}

/** The customer's orders, newest first, each with its lines; older and newer pages keep the address's other values. */
function orderHistory(params, answer) {
  return [
    table('Orders, newest first', [
      {label: 'Order', value: o => String(o.orderId)},
      {label: 'Placed', value: o => utc(o.orderedAt)},
      {label: 'Status', value: o => (o.kind === 'sale' ? text(o.status) : `${text(o.kind)}, ${text(o.status)}`)},
      {label: 'Total', value: o => [amount(o.totalAmount), o.currency ? ` ${o.currency}` : ''], numeric: true},
      {label: 'Lines', value: o => (o.lines || []).flatMap((l, i) => [i ? ', ' : '', `${l.quantity} × `,
        productLink(l.productId, l.productName), ` at ${amount(l.unitPrice)}`])},
    ], itemsOf(answer), 'no orders.'),
    pager(answer, 'orders', page => go('customer', withParams(params, {ordersPage: page === 0 ? '' : page})),
      ['Newer orders', 'Older orders']),
  ];
}
