import {getJson} from './api.js';
import {chart, donutOption, rankingOption, seriesOption, tableView} from './charts.js';
import {h, kpis} from './dom.js';
import {amount, count, percent, text} from './format.js';
import {filtersOf, go, periodEnd, rendered, section, slicers, withParams} from './view.js';

// Home: the shop at a glance (GET /api/analytics/dashboards/{home,sales,orders}) and the way to every other page.

export const DASHBOARD_FILTERS = ['from', 'to', 'categoryId', 'country', 'state', 'paymentMethod'];

/** A dashboard endpoint under the page's slicers (period only for the series). */
export const dashboard = (page, params, extra = {}) =>
  getJson(`/api/analytics/dashboards/${page}`, {...filtersOf(params, DASHBOARD_FILTERS), ...extra});

const PAGES = [
  ['sales', 'Sales Overview', 'revenue and orders per period, category, payment method and region'],
  ['customers', 'Customer Insights', 'new and returning customers, cohorts, regions'],
  ['orders', 'Orders Management', 'statuses, fulfilment times, late deliveries, payments'],
  ['products', 'Products Performance', 'top sellers, ratings, low stock, baskets'],
  ['suppliers', 'Suppliers', 'each supplier’s products, sales, rating, stock and returns'],
  ['segments', 'Segments', 'customer segments, their profiles and customers'],
  ['models', 'Models', 'repurchase and recommender model versions and their evaluation'],
  ['customer', 'Customer', 'one customer: score, segment, recommendations'],
];

export async function homePage(params) {
  const monthlySales = dashboard('sales', params, {period: 'month'});
  const [filters, figures, trend, statuses, categories] = await Promise.all([
    slicers('home', params, DASHBOARD_FILTERS),
    rendered(dashboard('home', params), home => kpis('Key figures', keyFigures(home)), 'Home figures'),
    rendered(monthlySales, sales => revenueTrend(params, sales), 'Revenue trend'),
    rendered(dashboard('orders', params, {period: 'month'}), orders => statusDonut(orders), 'Orders by status'),
    rendered(monthlySales, sales => topCategories(params, sales), 'Top categories'),
  ]);
  keepFresh(params);
  return [h('h1', {}, 'Home'), filters, figures,
    h('div', {class: 'grid'},
      section('trend', 'Net revenue per month', trend),
      section('home-statuses', 'Orders by status', statuses),
      section('top-categories', 'Top categories by net revenue', categories)),
    section('pages', 'Pages', h('ul', {class: 'page-links'}, PAGES.map(([route, title, what]) =>
      h('li', {}, h('a', {href: `#/${route}`}, title), ` — ${what}`))))];
}

/** The eleven headline figures of GET /dashboards/home, as KPI cards. */
function keyFigures(home) {
  return [
    {key: 'orders', label: 'Orders', text: count(home.orders)},
    {key: 'netRevenue', label: 'Net revenue', text: amount(home.netRevenue)},
    {key: 'unitsSold', label: 'Units sold', text: count(home.unitsSold)},
    {key: 'averageOrderValue', label: 'Average order value', text: amount(home.averageOrderValue)},
    {key: 'newCustomers', label: 'New customers', text: count(home.newCustomers)},
    {key: 'returningCustomerOrders', label: 'Returning customers’ orders', text: count(home.returningCustomerOrders)},
    {key: 'cancelledOrders', label: 'Cancelled orders', text: count(home.cancelledOrders)},
    {key: 'cancellationRate', label: 'Cancellation rate', text: percent(home.cancellationRate)},
    {key: 'refundedPayments', label: 'Refunded payments', text: count(home.refundedPayments)},
    {key: 'refundedAmount', label: 'Refunded amount', text: amount(home.refundedAmount)},
    {key: 'paymentSuccessRate', label: 'Payment success rate', text: percent(home.paymentSuccessRate)},
  ];
}

// Every 2 s: an order shows within the 5 s the console promises even when it lands just after a read, with time
// left for the summaries to take it in and for the read itself. One small read (the day and month summary rows).
const REFRESH_MILLIS = 2000;
let refresh = null;

/**
 * Reads the headline figures again every REFRESH_MILLIS while this Home (same address) is shown and the tab is
 * visible, and writes them into the cards in place: a shop taking orders shows them without a reload. One read at a
 * time; a failed read keeps the figures shown (the next one tries again). The charts stay as loaded.
 */
function keepFresh(params) {
  clearInterval(refresh);
  const shownAt = location.hash;
  let reading = false;
  const timer = setInterval(async () => {
    const main = document.getElementById('page');
    if (location.hash !== shownAt) {
      clearInterval(timer);
      return;
    }
    if (reading || document.visibilityState !== 'visible' || main.dataset.page !== 'home' || main.dataset.state !== 'ready') return;
    reading = true;
    try {
      for (const figure of keyFigures(await dashboard('home', params))) {
        const shown = main.querySelector(`[data-kpi=${figure.key}] dd`);
        if (shown) shown.textContent = figure.text;
      }
      main.dataset.refreshedAt = new Date().toISOString();
    } catch (ignored) {
      // the figures shown stay; the next round reads again
    } finally {
      reading = false;
    }
  }, REFRESH_MILLIS);
  refresh = timer;
}

function revenueTrend(params, sales) {
  const months = sales.periods.map(p => p.periodStart.slice(0, 7));
  return chart('trend', 'Net revenue per month', seriesOption(months, [
    {name: 'Net revenue', values: sales.periods.map(p => Number(p.netRevenue)), type: 'line', area: true}]),
  tableView('Net revenue per month', [
    {label: 'Month', value: p => p.periodStart.slice(0, 7)},
    {label: 'Orders', value: p => count(p.orders), numeric: true},
    {label: 'Net revenue', value: p => amount(p.netRevenue), numeric: true},
  ], sales.periods),
  // month → its days on the Sales page
  pick => go('sales', withParams(params, {from: sales.periods[pick.dataIndex].periodStart,
    to: periodEnd(sales.periods[pick.dataIndex].periodStart, 'month'), period: 'day'})));
}

function statusDonut(orders) {
  return chart('home-statuses', 'Placed orders by current status',
    donutOption(orders.byStatus.map(s => ({name: s.status, value: s.orders})), 'Orders'),
    tableView('Placed orders by current status', [
      {label: 'Status', value: s => text(s.status)},
      {label: 'Orders', value: s => count(s.orders), numeric: true},
    ], orders.byStatus));
}

function topCategories(params, sales) {
  const top = sales.byCategory.slice(0, 8);
  const name = c => c.categoryName || (c.categoryId === 0 ? 'no category' : `category ${c.categoryId}`);
  return chart('top-categories', 'Top categories by net revenue',
    rankingOption(top.map(name), top.map(c => Number(c.netRevenue)), 'Net revenue'),
    tableView('Top categories by net revenue', [
      {label: 'Category', value: name},
      {label: 'Orders', value: c => count(c.orders), numeric: true},
      {label: 'Net revenue', value: c => amount(c.netRevenue), numeric: true},
    ], top),
    // category → its products
    pick => go('products', {...filtersOf(params, ['from', 'to']), categoryId: top[top.length - 1 - pick.dataIndex].categoryId}));
}
