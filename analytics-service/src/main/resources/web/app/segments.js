import {getJson} from './api.js';
import {chart, seriesOption, tableView} from './charts.js';
import {h, kpis} from './dom.js';
import {amount, count, decimal, percent, text, utc} from './format.js';
import {itemsOf, rendered, section} from './view.js';

// Segments (segmentation-service: GET /api/segments, /api/segments/projection, /api/segments/{id}/customers).
// Drill-down: a segment → its customers → a customer.

export async function segmentsPage(params) {
  const chosen = params.get('segment');
  const model = getJson('/api/segments');
  const [overview, projection, members] = await Promise.all([
    rendered(model, active => overviewSection(active), 'Segments'),
    rendered(Promise.all([getJson('/api/segments/projection', {sample: 1500}), model]),
      ([points, model]) => projectionSection(points, model), 'Segment map'),
    chosen ? rendered(getJson(`/api/segments/${encodeURIComponent(chosen)}/customers`, {size: 50}),
      page => membersSection(chosen, page), 'Segment customers') : null,
  ]);
  return [h('h1', {}, 'Segments'), overview, projection, members];
}

const segmentLink = s => h('a', {href: `#/segments?segment=${s.profile.segmentId}`}, text(s.profile.name));

function overviewSection(model) {
  const segments = model.segments || [];
  return section('segments', 'Segment profiles and sizes',
    kpis('Segmentation model', [
      {key: 'segmentModel', label: 'Model', text: String(model.modelId)},
      {key: 'k', label: 'Segments (k)', text: count(model.k)},
      {key: 'silhouette', label: 'Silhouette', text: decimal(model.silhouette)},
      {key: 'snapshotAt', label: 'Snapshot', text: utc(model.snapshotAt)},
    ]),
    chart('segment-sizes', 'Customers per segment: at training and now', seriesOption(segments.map(s => s.profile.name), [
      {name: 'At training', values: segments.map(s => s.profile.customers)},
      {name: 'Now', values: segments.map(s => s.currentCustomers)}]),
    tableView('Segment profiles', [
      {label: 'Segment', value: segmentLink},
      {label: 'Customers at training', value: s => count(s.profile.customers), numeric: true},
      {label: 'Customers now', value: s => count(s.currentCustomers), numeric: true},
      {label: 'Share of revenue', value: s => percent(s.profile.revenueShare), numeric: true},
      {label: 'Mean recency, days', value: s => decimal(s.profile.meanRecencyDays), numeric: true},
      {label: 'Mean orders', value: s => decimal(s.profile.meanFrequency), numeric: true},
      {label: 'Mean spend', value: s => amount(s.profile.meanMonetary), numeric: true},
    ], segments),
    pick => { location.hash = `#/segments?segment=${segments[pick.dataIndex].profile.segmentId}`; }));
}

function projectionSection(projection, model) {
  const names = new Map((model.segments || []).map(s => [s.profile.segmentId, s.profile.name]));
  const bySegment = new Map();
  for (const p of projection.points || []) {
    if (!bySegment.has(p.segmentId)) bySegment.set(p.segmentId, []);
    bySegment.get(p.segmentId).push(p);
  }
  const variance = projection.explainedVariance || [];
  const axis = i => `PC${i + 1}${variance[i] !== undefined ? ` (${percent(variance[i])} of variance)` : ''}`;
  const groups = [...bySegment.entries()];
  return section('projection', 'Customers on the two main PCA axes', chart('projection', 'Customers on the first two principal components, coloured by segment', {
    legend: {top: 0, type: 'scroll'},
    tooltip: {trigger: 'item', confine: true, formatter: p => `customer ${p.data[2]}, ${p.seriesName}`},
    grid: {left: 8, right: 16, top: 32, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel'},
    xAxis: {type: 'value', name: axis(0), nameLocation: 'middle', nameGap: 24, scale: true},
    yAxis: {type: 'value', name: axis(1), scale: true},
    series: groups.map(([id, points]) => ({name: names.get(id) || `segment ${id}`, type: 'scatter', symbolSize: 4,
      data: points.map(p => [p.x, p.y, p.customerId])})),
  }, tableView('Customers in the sample per segment', [
    {label: 'Segment', value: ([id]) => names.get(id) || `segment ${id}`},
    {label: 'Customers in the sample', value: ([, points]) => count(points.length), numeric: true},
  ], groups),
  // a point → that customer
  pick => { location.hash = `#/customer?id=${pick.data[2]}`; }));
}

function membersSection(segmentId, page) {
  const rows = itemsOf(page);
  return section('segment-customers', `Customers in segment ${segmentId}`, tableView(`Customers in segment ${segmentId} (first ${rows.length} of ${count(page.total)})`, [
    {label: 'Customer', value: c => h('a', {href: `#/customer?id=${c.customerId}`}, `customer ${c.customerId}`)},
    {label: 'Distance to the centre', value: c => decimal(c.distance), numeric: true},
    {label: 'Features', value: c => Object.entries(c.features || {}).map(([k, v]) => `${k.toLowerCase()} ${decimal(v)}`).join(', ')},
  ], rows, 'no customers in this segment.'));
}
