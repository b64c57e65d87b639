// Builds elements from data with textContent only, so nothing a service returns is ever parsed as markup.

/** h('td', {class: 'num'}, '12') → <td class="num">12</td>; children may be strings, nodes, arrays or null. */
export function h(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** The same for SVG elements, which need their namespace. */
export function svg(tag, attributes = {}, ...children) {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * A table with a caption, column headers and the first cell of each row as its row header.
 * columns: [{label, value: row => text, numeric}]
 */
export function table(caption, columns, rows, emptyText = 'Nothing in this range.') {
  if (rows.length === 0) {
    return h('p', {class: 'empty'}, `${caption}: ${emptyText}`);
  }
  return h('div', {class: 'table-scroll'},
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col', class: c.numeric ? 'num' : null}, c.label)))),
      h('tbody', {}, rows.map(row => h('tr', {}, columns.map((c, i) =>
        h(i === 0 ? 'th' : 'td', {scope: i === 0 ? 'row' : null, class: c.numeric ? 'num' : null}, c.value(row))))))));
}

/** Key figures as a description list; data-kpi names the figure for readers that look for one. */
export function kpis(label, figures) {
  return h('dl', {class: 'kpis', 'aria-label': label},
    figures.map(f => h('div', {class: 'kpi', 'data-kpi': f.key}, h('dt', {}, f.label), h('dd', {}, f.text))));
}

/** A failed call, shown where its data would have been: the problem's title and detail. */
export function problemBox(error, what) {
  return h('div', {class: 'problem', role: 'alert'},
    h('strong', {}, `${what}: ${error.title}`),
    error.detail ? h('span', {}, ` ${error.detail}`) : null);
}
