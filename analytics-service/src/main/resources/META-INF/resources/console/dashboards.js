import {getJson} from './api.js';
import {lineChart} from './chart.js';
import {h, kpis, table} from './dom.js';
import {amount, count, percent, text} from './format.js';
import {rangeForm, rangeOf, rendered, section} from './view.js';

// The four dashboard pages of analytics-service (GET /api/analytics/dashboards/{home,sales,customers,orders}).

const dashboard = (page, params, withPeriod) => getJson(`/api/analytics/dashboards/${page}`, rangeOf(params, withPeriod));

/** A period's start as the reader thinks of it: the month for monthly series, the day otherwise. */
const periodLabel = (params) => (start) => ((params.get('period') || 'month') === 'month' ? start.slice(0, 7) : start);

export async function homePage(params) {
  return [h('h1', {}, 'Home'), rangeForm('home', params, false),
    await rendered(dashboard('home', params, false), home => kpis('Key figures', [
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
    ]), 'Home figures')];
}

export async function salesPage(params) {
  const label = periodLabel(params);
  return [h('h1', {}, 'Sales'), rangeForm('sales', params, true),
    await rendered(dashboard('sales', params, true), sales => [
      section('revenue', 'Net revenue per period',
        lineChart('Net revenue per period', sales.periods.map(p => ({label: label(p.periodStart), value: p.netRevenue,
          text: amount(p.netRevenue)}))),
        table('Net revenue per period', [
          {label: 'Period', value: p => label(p.periodStart)},
          {label: 'Orders', value: p => count(p.orders), numeric: true},
          {label: 'Units', value: p => count(p.units), numeric: true},
          {label: 'Net revenue', value: p => amount(p.netRevenue), numeric: true},
          {label: 'Running total', value: p => amount(p.runningNetRevenue), numeric: true},
          {label: 'Growth', value: p => percent(p.growthOverPreviousPeriod), numeric: true},
        ], sales.periods)),
      section('categories', 'By category', table('Net sales by category', [
        {label: 'Category', value: c => c.categoryName || (c.categoryId === 0 ? 'no category' : `category ${c.categoryId}`)},
        {label: 'Orders', value: c => count(c.orders), numeric: true},
        {label: 'Units', value: c => count(c.units), numeric: true},
        {label: 'Net revenue', value: c => amount(c.netRevenue), numeric: true},
      ], sales.byCategory)),
      section('methods', 'By first payment method', table('Net sales by payment method', [
        {label: 'Method', value: m => text(m.paymentMethod)},
        {label: 'Orders', value: m => count(m.orders), numeric: true},
        {label: 'Net revenue', value: m => amount(m.netRevenue), numeric: true},
      ], sales.byPaymentMethod)),
      section('regions', 'By region', regionTable('Net sales by state and country', sales.byRegion, [
        {label: 'Orders', value: r => count(r.orders), numeric: true},
        {label: 'Net revenue', value: r => amount(r.netRevenue), numeric: true},
      ])),
    ], 'Sales figures')];
}

export async function customersPage(params) {
  const label = periodLabel(params);
  return [h('h1', {}, 'Customers'), rangeForm('customers', params, true),
    await rendered(dashboard('customers', params, true), insights => [
      kpis('Key figures', [
        {key: 'newCustomers', label: 'New customers', text: count(insights.newCustomers)},
        {key: 'returningCustomerOrders', label: 'Returning customers’ orders', text: count(insights.returningCustomerOrders)},
        {key: 'returningOrderShare', label: 'Returning share of orders', text: percent(insights.returningOrderShare)},
      ]),
      section('customer-periods', 'New and returning per period',
        lineChart('New customers per period', insights.periods.map(p => ({label: label(p.periodStart),
          value: p.newCustomers, text: count(p.newCustomers)}))),
        table('New customers and returning customers’ orders per period', [
          {label: 'Period', value: p => label(p.periodStart)},
          {label: 'New customers', value: p => count(p.newCustomers), numeric: true},
          {label: 'Returning customers’ orders', value: p => count(p.returningCustomerOrders), numeric: true},
        ], insights.periods)),
      section('customer-regions', 'By region', regionTable('Customers by state and country', insights.byRegion, [
        {label: 'New customers', value: r => count(r.newCustomers), numeric: true},
        {label: 'Orders', value: r => count(r.orders), numeric: true},
        {label: 'Net revenue', value: r => amount(r.netRevenue), numeric: true},
        {label: 'Average order value', value: r => amount(r.averageOrderValue), numeric: true},
      ])),
    ], 'Customer figures')];
}

export async function ordersPage(params) {
  const label = periodLabel(params);
  return [h('h1', {}, 'Orders'), rangeForm('orders', params, true),
    await rendered(dashboard('orders', params, true), orders => [
      kpis('Key figures', [
        {key: 'placedOrders', label: 'Placed orders', text: count(orders.placedOrders)},
        {key: 'cancelledOrders', label: 'Cancelled orders', text: count(orders.cancelledOrders)},
        {key: 'cancellationRate', label: 'Cancellation rate', text: percent(orders.cancellationRate)},
      ]),
      section('statuses', 'By status', table('Placed orders by current status', [
        {label: 'Status', value: s => text(s.status)},
        {label: 'Orders', value: s => count(s.orders), numeric: true},
        {label: 'Share', value: s => percent(orders.placedOrders ? s.orders / orders.placedOrders : null), numeric: true},
      ], orders.byStatus)),
      section('payments', 'Payment mix', table('Payment attempts by method', [
        {label: 'Method', value: p => text(p.paymentMethod)},
        {label: 'Pending', value: p => count(p.pending), numeric: true},
        {label: 'Succeeded', value: p => count(p.succeeded), numeric: true},
        {label: 'Failed', value: p => count(p.failed), numeric: true},
        {label: 'Refunded', value: p => count(p.refunded), numeric: true},
        {label: 'Success rate', value: p => percent(p.successRate), numeric: true},
        {label: 'Succeeded amount', value: p => amount(p.succeededAmount), numeric: true},
        {label: 'Refunded amount', value: p => amount(p.refundedAmount), numeric: true},
      ], orders.payments)),
      section('order-periods', 'Per period', table('Placed and cancelled orders per period', [
        {label: 'Period', value: p => label(p.periodStart)},
        {label: 'Placed', value: p => count(p.placedOrders), numeric: true},
        {label: 'Cancelled', value: p => count(p.cancelledOrders), numeric: true},
      ], orders.periods)),
    ], 'Order figures')];
}

function regionTable(caption, regions, figures) {
  return table(caption, [
    {label: 'State, country', value: r => `${text(r.state)}, ${text(r.country)}`},
    ...figures,
  ], regions);
}
