import {getJson} from './api.js';
import {chart, donutOption, seriesOption, tableView} from './charts.js';
import {h, kpis} from './dom.js';
import {amount, count, decimal, percent, text} from './format.js';
import {DASHBOARD_FILTERS, dashboard} from './home.js';
import {filtersOf, go, periodEnd, periodLabel, rendered, section, slicers, withParams} from './view.js';

// Orders Management (GET /api/analytics/dashboards/orders, analyses/orders/fulfilment-times).

export async function ordersPage(params) {
  const period = params.get('period') || 'month';
  const label = periodLabel(period);
  const [filters, content, fulfilment] = await Promise.all([
    slicers('orders', params, [...DASHBOARD_FILTERS, 'period']),
    rendered(dashboard('orders', params, {period}), orders => [
      kpis('Key figures', [
        {key: 'placedOrders', label: 'Placed orders', text: count(orders.placedOrders)},
        {key: 'cancelledOrders', label: 'Cancelled orders', text: count(orders.cancelledOrders)},
        {key: 'cancellationRate', label: 'Cancellation rate', text: percent(orders.cancellationRate)},
      ]),
      section('order-periods', 'Placed and cancelled orders per period', chart('order-periods',
        'Placed and cancelled orders per period',
        seriesOption(orders.periods.map(p => label(p.periodStart)), [
          {name: 'Placed', values: orders.periods.map(p => p.placedOrders)},
          {name: 'Cancelled', values: orders.periods.map(p => p.cancelledOrders), type: 'line'}]),
        tableView('Placed and cancelled orders per period', [
          {label: 'Period', value: p => label(p.periodStart)},
          {label: 'Placed', value: p => count(p.placedOrders), numeric: true},
          {label: 'Cancelled', value: p => count(p.cancelledOrders), numeric: true},
        ], orders.periods),
        period === 'day' ? null : pick => {
          const start = orders.periods[pick.dataIndex].periodStart;
          go('orders', withParams(params, {from: start, to: periodEnd(start, period), period: 'day'}));
        })),
      h('div', {class: 'grid'},
        section('statuses', 'By status', chart('statuses', 'Placed orders by current status',
          donutOption(orders.byStatus.map(s => ({name: s.status, value: s.orders})), 'Orders'),
          tableView('Placed orders by current status', [
            {label: 'Status', value: s => text(s.status)},
            {label: 'Orders', value: s => count(s.orders), numeric: true},
            {label: 'Share', value: s => percent(orders.placedOrders ? s.orders / orders.placedOrders : null), numeric: true},
          ], orders.byStatus))),
        section('payments', 'Payment success by method', chart('payments', 'Payment attempts by method and outcome',
          seriesOption(orders.payments.map(p => text(p.paymentMethod)), ['succeeded', 'failed', 'refunded', 'pending'].map(outcome =>
            ({name: outcome, values: orders.payments.map(p => p[outcome]), stack: 'attempts'}))),
          tableView('Payment attempts by method', [
            {label: 'Method', value: p => text(p.paymentMethod)},
            {label: 'Pending', value: p => count(p.pending), numeric: true},
            {label: 'Succeeded', value: p => count(p.succeeded), numeric: true},
            {label: 'Failed', value: p => count(p.failed), numeric: true},
            {label: 'Refunded', value: p => count(p.refunded), numeric: true},
            {label: 'Success rate', value: p => percent(p.successRate), numeric: true},
            {label: 'Succeeded amount', value: p => amount(p.succeededAmount), numeric: true},
            {label: 'Refunded amount', value: p => amount(p.refundedAmount), numeric: true},
          ], orders.payments)))),
    ], 'Order figures'),
    rendered(getJson('/api/analytics/analyses/orders/fulfilment-times', filtersOf(params, DASHBOARD_FILTERS)),
      times => fulfilmentSection(times), 'Fulfilment times'),
  ]);
  return [h('h1', {}, 'Orders Management'), filters, content, fulfilment];
}

function fulfilmentSection(times) {
  const buckets = times.toDelivery.histogram || [];
  const bucketLabel = b => `${b.days}${b.orMore ? '+' : ''} d`;
  return section('fulfilment', 'Fulfilment: time from order to delivery',
    kpis('Fulfilment', [
      {key: 'deliveries', label: 'Delivered orders', text: count(times.toDelivery.orders)},
      {key: 'medianDeliveryDays', label: 'Median days to delivery', text: decimal(times.toDelivery.medianDays)},
      {key: 'p90DeliveryDays', label: '90th percentile, days', text: decimal(times.toDelivery.p90Days)},
      {key: 'medianShipmentDays', label: 'Median days to shipment', text: decimal(times.toShipment.medianDays)},
      {key: 'lateDeliveries', label: 'Late deliveries', text: count(times.lateDeliveries)},
      {key: 'lateShare', label: 'Late share', text: percent(times.lateShare)},
    ]),
    chart('fulfilment', 'Delivered orders by days from order to delivery',
      seriesOption(buckets.map(bucketLabel), [{name: 'Orders', values: buckets.map(b => b.orders)}]),
      tableView('Delivered orders by days to delivery', [
        {label: 'Days', value: bucketLabel},
        {label: 'Orders', value: b => count(b.orders), numeric: true},
      ], buckets)));
}
