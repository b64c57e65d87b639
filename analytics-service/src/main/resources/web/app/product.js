import {getJson} from './api.js';
import {chart, rankingOption, tableView} from './charts.js';
import {h, kpis} from './dom.js';
import {amount, count, decimal, text} from './format.js';
import {product, productNames} from './names.js';
import {productLink} from './products.js';
import {rendered, section} from './view.js';

// One product: the catalogue's view (analytics-service) and its most similar products (recommender-service).

export async function productPage(params) {
  const id = (params.get('id') || '').trim();
  if (!/^[1-9][0-9]{0,17}$/.test(id)) {
    return [h('h1', {}, 'Product'), h('p', {class: 'hint'}, 'Choose a product on the Products page.')];
  }
  const [facts, similar] = await Promise.all([
    rendered(product(id), p => (p ? [h('h1', {}, text(p.name)), kpis('Product', [
      {key: 'sku', label: 'SKU', text: text(p.sku)},
      {key: 'category', label: 'Category', text: p.categoryId ? h('a', {href: `#/products?categoryId=${p.categoryId}`}, text(p.categoryName)) : '—'},
      {key: 'price', label: 'List price', text: amount(p.price)},
      {key: 'stock', label: 'In stock', text: count(p.stockQuantity)},
    ])] : [h('h1', {}, `Product ${id}`), h('p', {class: 'empty'}, 'No such product.')]), 'Product'),
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
  return [facts, section('similar', 'Similar products', similar)];
}
