import {svg} from './dom.js';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = {top: 12, right: 12, bottom: 28, left: 12};

/**
 * A line chart of one series as inline SVG: one circle (class "point", with a tooltip title) per value, the
 * y axis from zero to the largest value. It scales to its container; the table beside it carries the same figures
 * for screen readers, so the chart itself is described by its label alone.
 * points: [{label, value, text}]
 */
export function lineChart(label, points) {
  const max = Math.max(0, ...points.map(p => p.value));
  const x = i => PAD.left + (points.length === 1 ? 0.5 : i / (points.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = v => HEIGHT - PAD.bottom - (max === 0 ? 0 : (v / max) * (HEIGHT - PAD.top - PAD.bottom));
  const coordinates = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  return svg('svg', {class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label},
    svg('line', {class: 'axis', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(0), y2: y(0)}),
    svg('polyline', {class: 'series', points: coordinates}),
    points.map((p, i) => svg('circle', {class: 'point', cx: x(i).toFixed(1), cy: y(p.value).toFixed(1), r: 3},
      svg('title', {}, `${p.label}: ${p.text}`))),
    first ? svg('text', {class: 'tick', x: PAD.left, y: HEIGHT - 8}, first.label) : null,
    last && last !== first ? svg('text', {class: 'tick end', x: WIDTH - PAD.right, y: HEIGHT - 8}, last.label) : null);
}
