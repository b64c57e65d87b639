import {getJson} from './api.js';
import {chart, donutOption, rankingOption, seriesOption, tableView} from './charts.js';
import {h, kpis} from './dom.js';
import {amount, count, percent, text} from './format.js';
import {DASHBOARD_FILTERS, dashboard} from './home.js';
import {filtersOf, go, itemsOf, periodEnd, periodLabel, rendered, section, slicers, withParams} from './view.js';

// Sales Overview (GET /api/analytics/dashboards/sales, analyses/discounts/usage).

const categoryName = c => c.categoryName || (c.categoryId === 0 ? 'no category' : `category ${c.categoryId}`);
const region = r => `${text(r.state)}, ${text(r.country)}`;

export async function salesPage(params) {
  const period = params.get('period') || 'month';
  const label = periodLabel(period);
  const [filters, content, discounts, returns] = await Promise.all([
    slicers('sales', params, [...DASHBOARD_FILTERS, 'period']),
    rendered(dashboard('sales', params, {period}), sales => [
      section('revenue', 'Net revenue and orders per period', chart('revenue', 'Net revenue per period',
        seriesOption(sales.periods.map(p => label(p.periodStart)), [
          {name: 'Net revenue', values: sales.periods.map(p => Number(p.netRevenue))},
          {name: 'Orders', values: sales.periods.map(p => p.orders), type: 'line'}]),
        tableView('Net revenue per period', [
          {label: 'Period', value: p => label(p.periodStart)},
          {label: 'Orders', value: p => count(p.orders), numeric: true},
          {label: 'Units', value: p => count(p.units), numeric: true},
          {label: 'Net revenue', value: p => amount(p.netRevenue), numeric: true},
          {label: 'Running total', value: p => amount(p.runningNetRevenue), numeric: true},
          {label: 'Growth', value: p => percent(p.growthOverPreviousPeriod), numeric: true},
        ], sales.periods),
        // a month or week → its days
        period === 'day' ? null : pick => {
          const start = sales.periods[pick.dataIndex].periodStart;
          go('sales', withParams(params, {from: start, to: periodEnd(start, period), period: 'day'}));
        })),
      h('div', {class: 'grid'},
        section('categories', 'By category', chart('categories', 'Net revenue by category',
          rankingOption(sales.byCategory.slice(0, 15).map(categoryName), sales.byCategory.slice(0, 15).map(c => Number(c.netRevenue)),
            'Net revenue'),
          tableView('Net sales by category', [
            {label: 'Category', value: categoryName},
            {label: 'Orders', value: c => count(c.orders), numeric: true},
            {label: 'Units', value: c => count(c.units), numeric: true},
            {label: 'Net revenue', value: c => amount(c.netRevenue), numeric: true},
          ], sales.byCategory),
          // a category → its products
          pick => {
            const shown = sales.byCategory.slice(0, 15);
            go('products', {...filtersOf(params, ['from', 'to']), categoryId: shown[shown.length - 1 - pick.dataIndex].categoryId});
          })),
        section('methods', 'By first payment method', chart('methods', 'Net revenue by payment method',
          donutOption(sales.byPaymentMethod.map(m => ({name: text(m.paymentMethod), value: Number(m.netRevenue)})), 'Net revenue'),
          tableView('Net sales by payment method', [
            {label: 'Method', value: m => text(m.paymentMethod)},
            {label: 'Orders', value: m => count(m.orders), numeric: true},
            {label: 'Net revenue', value: m => amount(m.netRevenue), numeric: true},
          ], sales.byPaymentMethod),
          pick => go('sales', withParams(params, {paymentMethod: sales.byPaymentMethod[pick.dataIndex].paymentMethod})))),
      ),
      section('regions', 'By region', chart('regions', 'Net revenue by state and country',
        rankingOption(sales.byRegion.slice(0, 15).map(region), sales.byRegion.slice(0, 15).map(r => Number(r.netRevenue)), 'Net revenue'),
        tableView('Net sales by state and country', [
          {label: 'State, country', value: region},
          {label: 'Orders', value: r => count(r.orders), numeric: true},
          {label: 'Net revenue', value: r => amount(r.netRevenue), numeric: true},
        ], sales.byRegion),
        // a region → the page sliced to it
        pick => {
          const shown = sales.byRegion.slice(0, 15);
          const r = shown[shown.length - 1 - pick.dataIndex];
          go('sales', withParams(params, {state: r.state, country: r.country}));
        })),
    ], 'Sales figures'),
    rendered(getJson('/api/analytics/analyses/discounts/usage', filtersOf(params, ['from', 'to', 'categoryId', 'country', 'state', 'paymentMethod'])),
      usage => section('discounts', 'Discount use', kpis('Discount use', [
        {key: 'discountOrders', label: 'Sales orders', text: count(usage.orders)},
        {key: 'ordersWithDiscountedLine', label: 'With a discounted line', text: count(usage.ordersWithDiscountedLine)},
        {key: 'discountShare', label: 'Share', text: percent(usage.share)},
      ])), 'Discount use'),
    rendered(getJson('/api/analytics/analyses/returns/by-reason', {...filtersOf(params, ['from', 'to', 'categoryId', 'country', 'state',
      'paymentMethod']), size: 50}), answer => returnsByReason(itemsOf(answer)), 'Returns by reason'),
  ]);
  return [h('h1', {}, 'Sales Overview'), filters, content, h('div', {class: 'grid'}, discounts, returns)];
}

const reasonName = r => r.reason || 'no reason given';

function returnsByReason(reasons) {
  if (reasons.length === 0) {
    return section('returns', 'Returns by reason', h('p', {class: 'empty'}, 'No order placed in this range was returned.'));
  }
  return section('returns', 'Returns by reason', chart('returns', 'Returns of the orders placed in the range, by reason',
    donutOption(reasons.map(r => ({name: reasonName(r), value: r.returns})), 'Returns'),
    tableView('Returns by reason', [
      {label: 'Reason', value: reasonName},
      {label: 'Returns', value: r => count(r.returns), numeric: true},
      {label: 'Approved', value: r => count(r.approved), numeric: true},
      {label: 'Share', value: r => percent(r.share), numeric: true},
    ], reasons, 'no returns.')));
}
