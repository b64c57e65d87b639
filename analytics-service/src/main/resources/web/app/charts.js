import * as echarts from 'echarts/core';
import {BarChart, HeatmapChart, LineChart, PieChart, ScatterChart} from 'echarts/charts';
import {AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent} from 'echarts/components';
import {SVGRenderer} from 'echarts/renderers';
import {h, table} from './dom.js';

// (grid.outerBounds* replaces ECharts 5's containLabel: the axis labels are kept inside the chart's box.)
// Charts are Apache ECharts, bundled with the console (only the chart types used here, SVG renderer: crisp at any
// zoom and printable). Every chart comes with a table of the same figures (the "table view"), which is what screen
// readers and keyboard users read; the chart itself is one labelled image.

echarts.use([BarChart, HeatmapChart, LineChart, PieChart, ScatterChart, AriaComponent, GridComponent, LegendComponent,
  TooltipComponent, VisualMapComponent, SVGRenderer]);

let waiting = [];
let live = [];

/**
 * A figure: the chart (drawn once the page is in the document, see mountCharts) and its table view.
 * option: an ECharts option; onPick(params): called when the reader clicks a data item (drill-down).
 */
export function chart(id, label, option, tableView, onPick) {
  const canvas = h('div', {class: 'chart', role: 'img', 'aria-label': label, 'data-chart': id});
  waiting.push({canvas, option, onPick});
  return h('figure', {class: 'figure'},
    canvas,
    onPick ? h('figcaption', {class: 'hint'}, 'Click a mark to drill down.') : null,
    h('details', {class: 'table-view'}, h('summary', {}, `Table view: ${label}`), tableView));
}

/** Draws the charts made since the last call; the page must be in the document (ECharts measures its container). */
export function mountCharts() {
  for (const instance of live) instance.dispose();
  live = waiting.filter(w => w.canvas.isConnected).map(({canvas, option, onPick}) => {
    const instance = echarts.init(canvas, null, {renderer: 'svg'});
    // No animation: figures should be readable the moment the page says it is ready.
    // Tooltips drawn inside the SVG (richText) rather than as HTML with inline styles, which a Content-Security-Policy
    // without 'unsafe-inline' styles blocks.
    instance.setOption({animation: false, aria: {enabled: true}, ...option,
      tooltip: {trigger: 'item', confine: true, ...(option.tooltip || {}), renderMode: 'richText'}});
    if (onPick) instance.on('click', onPick);
    canvas.dataset.drawn = 'true';
    return instance;
  });
  waiting = [];
}

window.addEventListener('resize', () => live.forEach(instance => instance.resize()));

/** Category axis x, value axis y: bars or lines per series. series: [{name, values, type ('bar'|'line'), stack}] */
export function seriesOption(labels, series) {
  return {
    tooltip: {trigger: 'axis', confine: true},
    legend: series.length > 1 ? {top: 0} : undefined,
    grid: {left: 8, right: 16, top: series.length > 1 ? 32 : 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel'},
    xAxis: {type: 'category', data: labels},
    yAxis: {type: 'value'},
    series: series.map(s => ({name: s.name, type: s.type || 'bar', stack: s.stack, data: s.values,
      smooth: false, symbolSize: 5, areaStyle: s.area ? {} : undefined})),
  };
}

/** Horizontal bars, largest first at the top (top-N lists with long names). */
export function rankingOption(labels, values, name) {
  return {
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, confine: true},
    grid: {left: 8, right: 24, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel'},
    xAxis: {type: 'value'},
    yAxis: {type: 'category', data: [...labels].reverse(), axisLabel: {width: 180, overflow: 'truncate'}},
    series: [{name, type: 'bar', data: [...values].reverse()}],
  };
}

/** A donut of shares. items: [{name, value}] */
export function donutOption(items, name) {
  return {
    legend: {type: 'scroll', bottom: 0},
    series: [{name, type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], data: items,
      label: {formatter: '{d}%'}}],
  };
}

/** A table view: the shared table builder, named so pages read as "chart + its table". */
export const tableView = table;
