import {getJson} from './api.js';
import {chart, rankingOption, seriesOption, tableView} from './charts.js';
import {h, kpis} from './dom.js';
import {amount, count, percent, text} from './format.js';
import {DASHBOARD_FILTERS, dashboard} from './home.js';
import {filtersOf, go, itemsOf, periodLabel, rendered, section, slicers, withParams} from './view.js';

// Customer Insights (GET /api/analytics/dashboards/customers, analyses/customers/{new-vs-returning,cohorts}; the RFM
// segment map now from segmentation-service, GET /api/segments/rfm-map, which the slicers do not narrow).

const ANALYSIS_FILTERS = ['from', 'to', 'categoryId', 'country', 'state', 'status', 'paymentMethod'];
const region = r => `${text(r.state)}, ${text(r.country)}`;

export async function customersPage(params) {
  const period = params.get('period') || 'month';
  const label = periodLabel(period);
  const analysis = (path, extra = {}) => getJson(`/api/analytics/analyses/customers/${path}`,
    {...filtersOf(params, ANALYSIS_FILTERS), ...extra});
  const [filters, insights, buyers, cohorts, rfm] = await Promise.all([
    slicers('customers', params, [...DASHBOARD_FILTERS, 'period']),
    rendered(dashboard('customers', params, {period}), insights => [
      kpis('Key figures', [
        {key: 'newCustomers', label: 'New customers', text: count(insights.newCustomers)},
        {key: 'returningCustomerOrders', label: 'Returning customers’ orders', text: count(insights.returningCustomerOrders)},
        {key: 'returningOrderShare', label: 'Returning share of orders', text: percent(insights.returningOrderShare)},
      ]),
      section('customer-periods', 'New customers and returning customers’ orders per period',
        chart('customer-periods', 'New customers and returning customers’ orders per period',
          seriesOption(insights.periods.map(p => label(p.periodStart)), [
            {name: 'New customers', values: insights.periods.map(p => p.newCustomers), stack: 'customers'},
            {name: 'Returning customers’ orders', values: insights.periods.map(p => p.returningCustomerOrders), stack: 'customers'}]),
          tableView('New customers and returning customers’ orders per period', [
            {label: 'Period', value: p => label(p.periodStart)},
            {label: 'New customers', value: p => count(p.newCustomers), numeric: true},
            {label: 'Returning customers’ orders', value: p => count(p.returningCustomerOrders), numeric: true},
          ], insights.periods))),
      section('customer-regions', 'By region', chart('customer-regions', 'Net revenue by state and country',
        rankingOption(insights.byRegion.slice(0, 15).map(region), insights.byRegion.slice(0, 15).map(r => Number(r.netRevenue)),
          'Net revenue'),
        tableView('Customers by state and country', [
          {label: 'State, country', value: region},
          {label: 'New customers', value: r => count(r.newCustomers), numeric: true},
          {label: 'Orders', value: r => count(r.orders), numeric: true},
          {label: 'Net revenue', value: r => amount(r.netRevenue), numeric: true},
          {label: 'Average order value', value: r => amount(r.averageOrderValue), numeric: true},
        ], insights.byRegion),
        pick => {
          const shown = insights.byRegion.slice(0, 15);
          const r = shown[shown.length - 1 - pick.dataIndex];
          go('customers', withParams(params, {state: r.state, country: r.country}));
        })),
    ], 'Customer figures'),
    rendered(analysis('new-vs-returning', {granularity: period, size: 500}), answer => {
      const rows = itemsOf(answer);
      return section('buyers', 'New and returning buyers', chart('buyers', 'New and returning buyers per period',
        seriesOption(rows.map(r => label(r.periodStart)), [
          {name: 'New buyers', values: rows.map(r => r.newCustomers), stack: 'buyers'},
          {name: 'Returning buyers', values: rows.map(r => r.returningCustomers), stack: 'buyers'}]),
        tableView('New and returning buyers per period', [
          {label: 'Period', value: r => label(r.periodStart)},
          {label: 'New buyers', value: r => count(r.newCustomers), numeric: true},
          {label: 'Returning buyers', value: r => count(r.returningCustomers), numeric: true},
          {label: 'New buyers’ revenue', value: r => amount(r.newCustomerRevenue), numeric: true},
          {label: 'Returning buyers’ revenue', value: r => amount(r.returningCustomerRevenue), numeric: true},
        ], rows)));
    }, 'New and returning buyers'),
    rendered(analysis('cohorts', {size: 36}), answer => cohortSection(itemsOf(answer)), 'Cohort retention'),
    rendered(getJson('/api/segments/rfm-map'), map => rfmChart(map), 'RFM distribution'),
  ]);
  return [h('h1', {}, 'Customer Insights'), filters, insights, buyers, cohorts,
    section('rfm', 'RFM distribution (all customers, now)', rfm)];
}

/** The cohort retention matrix as a heat map: cohort month down, months since the first sale across. */
function cohortSection(cohorts) {
  const months = Math.max(0, ...cohorts.map(c => c.activeShareByMonthOffset.length));
  const offsets = [...Array(months).keys()];
  const cells = cohorts.flatMap((c, row) => c.activeShareByMonthOffset.map((share, offset) =>
    [offset, row, share === null ? null : Math.round(share * 1000) / 10]));
  return section('cohorts', 'Cohort retention', chart('cohorts', 'Share of each cohort buying again, by month since the first sale', {
    tooltip: {position: 'top', confine: true, formatter: p => `${cohorts[p.value[1]].cohortMonth.slice(0, 7)}, month +${p.value[0]}: ${p.value[2]}%`},
    grid: {left: 8, right: 8, top: 8, bottom: 64, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel'},
    xAxis: {type: 'category', data: offsets.map(o => `+${o}`), name: 'months since first sale', nameLocation: 'middle', nameGap: 24},
    yAxis: {type: 'category', data: cohorts.map(c => c.cohortMonth.slice(0, 7)), inverse: true},
    visualMap: {min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80,
      text: ['100%', '0%'], inRange: {color: ['#f3f6fb', '#1f5fbf']}},
    series: [{name: 'Active share', type: 'heatmap', data: cells, label: {show: cohorts.length <= 12 && months <= 12}}],
  }, tableView('Cohort retention', [
    {label: 'Cohort', value: c => c.cohortMonth.slice(0, 7)},
    {label: 'Customers', value: c => count(c.customers), numeric: true},
    ...offsets.slice(0, 13).map(o => ({label: `+${o}`, value: c => percent(c.activeShareByMonthOffset[o]), numeric: true})),
  ], cohorts)));
}

/** Customers per cell of the RFM segment map (recency against frequency and money), as segmentation-service scores them now. */
function rfmChart(map) {
  const cells = map.cells || [];
  return [
    chart('rfm', 'Customers per RFM cell', rankingOption(cells.map(c => c.cell), cells.map(c => c.customers), 'Customers'),
      tableView('Customers per RFM cell', [
        {label: 'Cell', value: c => text(c.cell)},
        {label: 'Customers', value: c => count(c.customers), numeric: true},
        {label: 'Share', value: c => percent(c.share), numeric: true},
      ], cells)),
    h('p', {class: 'note'}, `${count(map.customers)} customers with an order, scored by segmentation model ${map.modelId}.`),
  ];
}
