import {getJson} from './api.js';
import {chart, rankingOption, tableView} from './charts.js';
import {h, kpis} from './dom.js';
import {amount, count, decimal, text} from './format.js';
import {productLink} from './products.js';
import {filtersOf, go, itemsOf, pager, rendered, section, slicers, withParams} from './view.js';

// Suppliers (GET /api/analytics/suppliers) and one supplier's products (/suppliers/{id}, /suppliers/{id}/products).
// Drill-down: a supplier → its products → a product.

const FILTERS = ['from', 'to'];
const PER_PAGE = 50;
const supplierName = s => s.name || `supplier ${s.supplierId}`;
const supplierRoute = (params, id) => `#/supplier?${new URLSearchParams({...filtersOf(params, FILTERS), id})}`;

export async function suppliersPage(params) {
  const page = Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0);
  const [filters, list] = await Promise.all([
    slicers('suppliers', params, FILTERS),
    rendered(getJson('/api/analytics/suppliers', {...filtersOf(params, FILTERS), page, size: PER_PAGE}),
      answer => supplierList(params, answer), 'Suppliers'),
  ]);
  return [h('h1', {}, 'Suppliers'), filters, list];
}

function supplierList(params, answer) {
  const rows = itemsOf(answer);
  const top = rows.slice(0, 15);
  return [
    section('supplier-revenue', 'Revenue by supplier', chart('supplier-revenue', 'Revenue of each supplier’s products',
      rankingOption(top.map(supplierName), top.map(s => Number(s.revenue)), 'Revenue'),
      tableView('Revenue of each supplier’s products', [
        {label: 'Supplier', value: s => supplierName(s)},
        {label: 'Revenue', value: s => amount(s.revenue), numeric: true},
      ], top),
      // a supplier → its products
      pick => { location.hash = supplierRoute(params, top[top.length - 1 - pick.dataIndex].supplierId); })),
    section('suppliers', 'Suppliers', tableView('Suppliers, most revenue first', [
      {label: 'Supplier', value: s => h('a', {href: supplierRoute(params, s.supplierId)}, supplierName(s))},
      {label: 'Country', value: s => text(s.country)},
      {label: 'Products', value: s => count(s.products), numeric: true},
      {label: 'Units sold', value: s => count(s.unitsSold), numeric: true},
      {label: 'Revenue', value: s => amount(s.revenue), numeric: true},
      {label: 'Orders', value: s => count(s.orders), numeric: true},
      {label: 'Mean rating', value: s => decimal(s.averageRating), numeric: true},
      {label: 'Reviews', value: s => count(s.reviews), numeric: true},
      {label: 'Low on stock', value: s => count(s.lowStockProducts), numeric: true},
      {label: 'Returns', value: s => count(s.returns), numeric: true},
    ], rows, 'no suppliers.'),
      pager(answer, 'suppliers', page => go('suppliers', withParams(params, {page: page === 0 ? '' : page})))),
  ];
}

export async function supplierPage(params) {
  const id = (params.get('id') || '').trim();
  if (!/^[1-9][0-9]{0,17}$/.test(id)) {
    return [h('h1', {}, 'Supplier'), h('p', {class: 'hint'}, 'Choose a supplier on the Suppliers page.')];
  }
  const filters = filtersOf(params, FILTERS);
  const path = `/api/analytics/suppliers/${encodeURIComponent(id)}`;
  const [slicerForm, facts, products] = await Promise.all([
    slicers('supplier', params, FILTERS),
    rendered(getJson(path, filters), s => [h('h1', {}, supplierName(s)), kpis('Supplier', [
      {key: 'products', label: 'Products', text: count(s.products)},
      {key: 'unitsSold', label: 'Units sold', text: count(s.unitsSold)},
      {key: 'revenue', label: 'Revenue', text: amount(s.revenue)},
      {key: 'orders', label: 'Orders', text: count(s.orders)},
      {key: 'averageRating', label: 'Mean rating', text: decimal(s.averageRating)},
      {key: 'lowStockProducts', label: 'Low on stock', text: count(s.lowStockProducts)},
      {key: 'returns', label: 'Returns', text: count(s.returns)},
    ])], 'Supplier'),
    rendered(getJson(`${path}/products`, {...filters, size: 100}), answer => {
      const rows = itemsOf(answer);
      const top = rows.slice(0, 15);
      return [chart('supplier-products', 'Revenue of the supplier’s products',
        rankingOption(top.map(p => p.name || `product ${p.productId}`), top.map(p => Number(p.revenue)), 'Revenue'),
        tableView('Revenue of the supplier’s products', [
          {label: 'Product', value: p => p.name || `product ${p.productId}`},
          {label: 'Revenue', value: p => amount(p.revenue), numeric: true},
        ], top),
        pick => { location.hash = `#/product?id=${top[top.length - 1 - pick.dataIndex].productId}`; }),
      tableView('The supplier’s products, most revenue first', [
        {label: 'Product', value: p => productLink(p.productId, p.name)},
        {label: 'SKU', value: p => text(p.sku)},
        {label: 'Units sold', value: p => count(p.unitsSold), numeric: true},
        {label: 'Revenue', value: p => amount(p.revenue), numeric: true},
        {label: 'Orders', value: p => count(p.orders), numeric: true},
        {label: 'Mean rating', value: p => decimal(p.averageRating), numeric: true},
        {label: 'In stock', value: p => [count(p.stockQuantity), p.lowStock ? ' (low)' : ''], numeric: true},
        {label: 'Returns', value: p => count(p.returns), numeric: true},
      ], rows, 'the supplier supplies no product.'),
      answer.total > rows.length ? h('p', {class: 'note'}, `The ${rows.length} with most revenue of ${count(answer.total)} products.`) : null];
    }, 'Supplier products'),
  ]);
  return [facts, slicerForm, section('supplier-products', 'Products', products)];
}
