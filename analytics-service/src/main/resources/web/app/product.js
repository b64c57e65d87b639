import {getJson} from './api.js';
import {chart, rankingOption, seriesOption, tableView} from './charts.js';
import {h, kpis} from './dom.js';
import {amount, count, decimal, text} from './format.js';
import {product, productNames} from './names.js';
import {productLink} from './products.js';
import {filtersOf, itemsOf, periodLabel, rendered, section, slicers} from './view.js';

// One product: the catalogue's view and its sales per period (analytics-service), its most similar products
// (recommender-service).

const SERIES_FILTERS = ['from', 'to', 'country', 'state', 'paymentMethod'];

export async function productPage(params) {
  const id = (params.get('id') || '').trim();
  if (!/^[1-9][0-9]{0,17}$/.test(id)) {
    return [h('h1', {}, 'Product'), h('p', {class: 'hint'}, 'Choose a product on the Products page.')];
  }
  const period = params.get('period') || 'month';
  const label = periodLabel(period);
  const [facts, filters, sales, similar] = await Promise.all([
    rendered(product(id), p => (p ? [h('h1', {}, text(p.name)), kpis('Product', [
      {key: 'sku', label: 'SKU', text: text(p.sku)},
      {key: 'category', label: 'Category', text: p.categoryId ? h('a', {href: `#/products?categoryId=${p.categoryId}`}, text(p.categoryName)) : '—'},
      {key: 'price', label: 'List price', text: amount(p.price)},
      {key: 'stock', label: 'In stock', text: count(p.stockQuantity)},
    ])] : [h('h1', {}, `Product ${id}`), h('p', {class: 'empty'}, 'No such product.')]), 'Product'),
    slicers('product', params, [...SERIES_FILTERS, 'period']),
    rendered(getJson(`/api/analytics/analyses/products/${encodeURIComponent(id)}/sales`,
      {...filtersOf(params, SERIES_FILTERS), granularity: period, size: 500}), answer => {
      const rows = itemsOf(answer);
      return chart('product-sales', 'Units sold and revenue per period', seriesOption(rows.map(r => label(r.periodStart)), [
        {name: 'Units', values: rows.map(r => r.units)},
        {name: 'Revenue', values: rows.map(r => Number(r.revenue)), type: 'line'}]),
      tableView('Sales of the product per period', [
        {label: 'Period', value: r => label(r.periodStart)},
        {label: 'Orders', value: r => count(r.orders), numeric: true},
        {label: 'Units', value: r => count(r.units), numeric: true},
        {label: 'Revenue', value: r => amount(r.revenue), numeric: true},
      ], rows, 'no sales.'));
    }, 'Product sales'),
    rendered(getJson(`/api/recommendations/products/${encodeURIComponent(id)}/similar`, {k: 10}).then(async answer => {
      const items = answer.items || [];
      return {items, names: await productNames(items.map(n => n.productId))};
    }), ({items, names}) => chart('similar', 'Most similar products (cosine of their item vectors)',
      rankingOption(items.map(n => names.get(n.productId) || `product ${n.productId}`), items.map(n => n.score), 'Cosine'),
      tableView('Most similar products', [
        {label: 'Product', value: n => productLink(n.productId, names.get(n.productId))},
        {label: 'Cosine', value: n => decimal(n.score), numeric: true},
      ], items, 'no similar products.')), 'Similar products'),
  ]);
  return [facts, filters, section('product-sales', 'Sales per period', sales), section('similar', 'Similar products', similar)];
}
