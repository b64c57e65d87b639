import {identityEnabled, roles, session, signIn, signOut, startSession} from './auth.js';
import {mountCharts} from './charts.js';
import {customerPage} from './customer.js';
import {customersPage} from './customers.js';
import {h, problemBox} from './dom.js';
import {homePage} from './home.js';
import {modelsPage} from './models.js';
import {ordersPage} from './orders.js';
import {productPage} from './product.js';
import {productsPage} from './products.js';
import {salesPage} from './sales.js';
import {segmentsPage} from './segments.js';
import {supplierPage, suppliersPage} from './suppliers.js';

// Hash routes (#/sales?from=2024-01-01&to=2024-12-31&period=month): the console is static files, so every page
// lives at /console/ and the gateway needs one route only; the address holds the page's every filter.

const pages = {home: homePage, sales: salesPage, customers: customersPage, orders: ordersPage, products: productsPage,
  product: productPage, suppliers: suppliersPage, supplier: supplierPage, segments: segmentsPage, models: modelsPage,
  customer: customerPage};
const titles = {home: 'Home', sales: 'Sales Overview', customers: 'Customer Insights', orders: 'Orders Management',
  products: 'Products Performance', product: 'Product', suppliers: 'Suppliers', supplier: 'Supplier', segments: 'Segments', models: 'Models', customer: 'Customer'};
const main = document.getElementById('page');
let shown = 0;

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  return {name: pages[path] ? path : 'home', params: new URLSearchParams(query || '')};
}

async function show() {
  const {name, params} = route();
  const call = ++shown;
  main.dataset.state = 'loading';
  main.setAttribute('aria-busy', 'true');
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === `#/${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  let content;
  try {
    content = await pages[name](params);
  } catch (e) {
    // a page's own bug: say so in the page rather than leave it loading forever
    content = [h('h1', {}, 'Commerce Insight'), problemBox({title: 'The page failed', detail: e.message}, name)];
  }
  if (call !== shown) {
    return; // the reader moved on while this page loaded
  }
  main.replaceChildren(...content.flat(Infinity).filter(Boolean));
  mountCharts();
  main.dataset.page = name;
  main.dataset.route = location.hash;
  main.dataset.state = 'ready';
  main.removeAttribute('aria-busy');
  document.title = `${titles[name]} · Commerce Insight`;
}

/** The masthead's sign-in corner: who is signed in with which roles, and the button to sign in or out. */
function showAccount() {
  const corner = document.getElementById('account');
  if (!identityEnabled() && !session()) {
    corner.replaceChildren();
    return;
  }
  if (!session()) {
    const button = h('button', {type: 'button', id: 'sign-in'}, 'Sign in');
    button.addEventListener('click', () => signIn().catch(e => corner.replaceChildren(problemBox({title: 'Sign-in failed',
      detail: e.message}, 'Account'))));
    corner.replaceChildren(button);
    return;
  }
  const button = h('button', {type: 'button', id: 'sign-out'}, 'Sign out');
  button.addEventListener('click', () => signOut());
  corner.replaceChildren(h('span', {class: 'roles', 'data-roles': roles().join(' ')}, roles().join(', ') || 'no roles'),
    identityEnabled() ? button : null);
}

async function start() {
  let failure = null;
  try {
    await startSession();
  } catch (e) {
    failure = e; // the pages still show, signed out
  }
  showAccount();
  if (failure) {
    document.getElementById('account').append(problemBox({title: 'Sign-in failed', detail: failure.message}, 'Account'));
  }
  window.addEventListener('hashchange', show);
  await show();
}

start();
