import {getJson} from './api.js';
import {chart, rankingOption, tableView} from './charts.js';
import {h} from './dom.js';
import {amount, count, decimal, percent, text} from './format.js';
import {filtersOf, itemsOf, rendered, section, slicers} from './view.js';
import {productNames} from './names.js';

// Products Performance (analyses/products/*, analyses/baskets/*); each product links to its own page.

const FILTERS = ['from', 'to', 'categoryId', 'country', 'state', 'status', 'paymentMethod'];
export const productLink = (id, name) => h('a', {href: `#/product?id=${encodeURIComponent(id)}`}, name || `product ${id}`);

export async function productsPage(params) {
  const filters = filtersOf(params, FILTERS);
  const analysis = (path, extra = {}) => getJson(`/api/analytics/analyses/${path}`, {...filters, ...extra});
  const [slicerForm, top, ratings, lowStock, pairs, wishlists] = await Promise.all([
    slicers('products', params, FILTERS),
    rendered(analysis('products/top-selling', {size: 10}), answer => {
      const rows = itemsOf(answer);
      return chart('top-selling', 'Top 10 products by units sold',
        rankingOption(rows.map(p => p.name || `product ${p.productId}`), rows.map(p => p.units), 'Units'),
        tableView('Top products by units sold', [
          {label: 'Product', value: p => productLink(p.productId, p.name)},
          {label: 'SKU', value: p => text(p.sku)},
          {label: 'Units', value: p => count(p.units), numeric: true},
          {label: 'Orders', value: p => count(p.orders), numeric: true},
          {label: 'Revenue', value: p => amount(p.revenue), numeric: true},
        ], rows),
        pick => { location.hash = `#/product?id=${rows[rows.length - 1 - pick.dataIndex].productId}`; });
    }, 'Top sellers'),
    rendered(getJson('/api/analytics/analyses/products/ratings', {categoryId: params.get('categoryId'), minReviews: 3, size: 10}),
      answer => {
        const rows = itemsOf(answer);
        return chart('ratings', 'Best-rated products (at least 3 reviews)',
          rankingOption(rows.map(p => p.name || `product ${p.productId}`), rows.map(p => Math.round(p.averageRating * 100) / 100),
            'Mean rating'),
          tableView('Best-rated products', [
            {label: 'Product', value: p => productLink(p.productId, p.name)},
            {label: 'Mean rating', value: p => decimal(p.averageRating), numeric: true},
            {label: 'Reviews', value: p => count(p.reviews), numeric: true},
          ], rows));
      }, 'Ratings'),
    rendered(getJson('/api/analytics/analyses/products/low-stock', {categoryId: params.get('categoryId'), size: 20}),
      answer => tableView('Products with fewer than 20 in stock, lowest first', [
        {label: 'Product', value: p => productLink(p.productId, p.name)},
        {label: 'SKU', value: p => text(p.sku)},
        {label: 'In stock', value: p => count(p.stockQuantity), numeric: true},
      ], itemsOf(answer), 'no product is low on stock.'), 'Low stock'),
    rendered(analysis('baskets/bought-together', {size: 15}).then(async answer => {
      const rows = itemsOf(answer);
      return {rows, names: await productNames(rows.flatMap(p => [p.productA, p.productB]))};
    }), ({rows, names}) => tableView('Product pairs bought together, by lift', [
      {label: 'Pair', value: p => [productLink(p.productA, names.get(p.productA)), ' + ', productLink(p.productB, names.get(p.productB))]},
      {label: 'Orders', value: p => count(p.orders), numeric: true},
      {label: 'Support', value: p => percent(p.support), numeric: true},
      {label: 'Confidence A→B', value: p => percent(p.confidenceAToB), numeric: true},
      {label: 'Lift', value: p => decimal(p.lift), numeric: true},
    ], rows, 'no pair was bought together often enough.'), 'Bought together'),
    rendered(analysis('baskets/wishlist-suggestions', {size: 10, perProduct: 3}).then(async answer => {
      const rows = itemsOf(answer);
      return {rows, names: await productNames(rows.flatMap(w => (w.boughtWith || []).map(c => c.productId)))};
    }), ({rows, names}) => tableView('Wishlisted products and what is bought with them', [
      {label: 'Wishlisted product', value: w => productLink(w.productId, w.name)},
      {label: 'Wishlists', value: w => count(w.wishlistEntries), numeric: true},
      {label: 'Suggest', value: w => (w.boughtWith || []).flatMap((c, i) => [i ? ', ' : '', productLink(c.productId, names.get(c.productId))])},
    ], rows, 'no wishlists.'), 'Wishlist suggestions'),
  ]);
  return [h('h1', {}, 'Products Performance'), slicerForm,
    h('div', {class: 'grid'}, section('top-selling', 'Top sellers', top), section('ratings', 'Ratings', ratings)),
    section('low-stock', 'Low stock', lowStock),
    section('bought-together', 'Bought together', pairs),
    section('wishlists', 'Wishlist suggestions', wishlists)];
}
