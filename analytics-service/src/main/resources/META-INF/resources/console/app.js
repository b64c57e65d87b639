import {customerPage} from './customer.js';
import {customersPage, homePage, ordersPage, salesPage} from './dashboards.js';
import {h, problemBox} from './dom.js';

// Hash routes (#/sales?from=2024-01-01&to=2024-12-31&period=month): the console is static files, so every page
// lives at /console/ and the gateway needs one route only.

const pages = {home: homePage, sales: salesPage, customers: customersPage, orders: ordersPage, customer: customerPage};
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
  main.replaceChildren(...content.flat());
  main.dataset.page = name;
  main.dataset.state = 'ready';
  main.removeAttribute('aria-busy');
  document.title = `${name[0].toUpperCase()}${name.slice(1)} · Commerce Insight`;
}

window.addEventListener('hashchange', show);
show();
