import {getJson} from './api.js';

// Product names for the ids other answers carry (recommendations, similar products, basket pairs), from
// GET /api/analytics/catalog/products, remembered for the visit.

const known = new Map();
const PER_CALL = 100;

/** Resolves to a Map id → name for the ids (unknown products are missing from it). */
export async function productNames(ids) {
  const wanted = [...new Set(ids.map(Number))].filter(id => !known.has(id));
  for (let i = 0; i < wanted.length; i += PER_CALL) {
    const products = await getJson('/api/analytics/catalog/products', {ids: wanted.slice(i, i + PER_CALL).join(',')});
    for (const p of products) known.set(p.id, p);
  }
  return new Map(ids.map(Number).filter(id => known.has(id)).map(id => [id, known.get(id).name]));
}

/** The catalogue's view of one product, or null. */
export async function product(id) {
  await productNames([id]);
  return known.get(Number(id)) || null;
}
