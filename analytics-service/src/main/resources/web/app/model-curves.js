import {chart, tableView} from './charts.js';
import {h, kpis} from './dom.js';
import {count, decimal, text} from './format.js';
import {section} from './view.js';

// A repurchase model version's curves (prediction-service, inside `evaluation`): the out-of-time ROC and
// precision-recall curves (`curves.roc` as [false positive rate, true positive rate], `curves.precisionRecall` as
// [recall, precision]) and the reliability diagram of the test's probabilities before and after calibration
// (`calibration.reliabilityBefore`/`After`: ten bins {lower, upper, meanPredicted, observedRate, count}). Versions
// trained before the service kept them have neither: nothing is drawn for them.

const CHANCE = [[0, 0], [1, 1]];

/** The curves' sections, or none when the version carries no curves and no calibration. */
export function curveSections(evaluation) {
  const curves = evaluation.curves;
  const calibration = evaluation.calibration;
  if (!curves && !calibration) return [];
  return [h('div', {class: 'grid'},
    curves && curves.roc ? rocSection(curves.roc, evaluation.outOfTime) : null,
    curves && curves.precisionRecall ? precisionRecallSection(curves.precisionRecall, evaluation.outOfTime) : null),
  calibration ? reliabilitySection(calibration) : null];
}

/** Both axes a probability or a rate, 0 to 1, named in the margins. */
function unitSquare(xName, yName, series) {
  return {
    legend: {top: 0},
    tooltip: {trigger: 'item', confine: true},
    grid: {left: 16, right: 16, top: 32, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel'},
    xAxis: {type: 'value', min: 0, max: 1, name: xName, nameLocation: 'middle', nameGap: 24},
    yAxis: {type: 'value', min: 0, max: 1, name: yName, nameLocation: 'middle', nameGap: 36},
    series,
  };
}

const curve = (name, points) => ({name, type: 'line', data: points, symbol: 'none', smooth: false});
const reference = (name, points) => ({name, type: 'line', data: points, symbol: 'none', silent: true,
  lineStyle: {type: 'dashed', width: 1, color: '#8a94a6'}, itemStyle: {color: '#8a94a6'}});

const pointsTable = (caption, [xLabel, yLabel], points) => tableView(caption, [
  {label: xLabel, value: ([x]) => decimal(x), numeric: true},
  {label: yLabel, value: ([, y]) => decimal(y), numeric: true},
], points);

function rocSection(roc, outOfTime) {
  const auc = outOfTime && outOfTime.rocAuc !== undefined ? `, AUC ${decimal(outOfTime.rocAuc)}` : '';
  return section('roc', `ROC curve, out of time${auc}`, chart('roc', 'ROC curve: true positive rate against false positive rate',
    unitSquare('False positive rate', 'True positive rate', [curve('ROC', roc), reference('Chance', CHANCE)]),
    pointsTable('ROC curve points', ['False positive rate', 'True positive rate'], roc)));
}

function precisionRecallSection(points, outOfTime) {
  // A model that ranks at random has the share of positives as its precision at every recall.
  const base = outOfTime && outOfTime.customers ? outOfTime.positives / outOfTime.customers : null;
  const auc = outOfTime && outOfTime.prAuc !== undefined ? `, AUC ${decimal(outOfTime.prAuc)}` : '';
  return section('precision-recall', `Precision–recall curve, out of time${auc}`, chart('precision-recall',
    'Precision–recall curve: precision against recall',
    unitSquare('Recall', 'Precision', [curve('Precision–recall', points),
      base === null ? null : reference(`Chance (${decimal(base)} positives)`, [[0, base], [1, base]])].filter(Boolean)),
    pointsTable('Precision–recall curve points', ['Recall', 'Precision'], points)));
}

const binPoints = bins => (bins || []).filter(b => b.meanPredicted !== null && b.meanPredicted !== undefined)
  .map(b => [b.meanPredicted, b.observedRate]);

function reliabilitySection(calibration) {
  const before = calibration.reliabilityBefore || [];
  const after = calibration.reliabilityAfter || [];
  const method = text(calibration.method).toLowerCase();
  const diagram = chart('reliability', 'Reliability diagram: observed share of repurchases against mean predicted probability, before and after calibration',
    unitSquare('Mean predicted probability', 'Observed share', [
      {...curve('Before calibration', binPoints(before)), symbol: 'circle', symbolSize: 6},
      {...curve(`After calibration (${method})`, binPoints(after)), symbol: 'circle', symbolSize: 6},
      reference('Perfectly calibrated', CHANCE)]),
    tableView('Reliability bins, out of time', [
      {label: 'Probability bin', value: ([b]) => `${decimal(b.lower)}–${decimal(b.upper)}`},
      {label: 'Customers, before', value: ([b]) => count(b.count), numeric: true},
      {label: 'Mean predicted, before', value: ([b]) => decimal(b.meanPredicted), numeric: true},
      {label: 'Observed, before', value: ([b]) => decimal(b.observedRate), numeric: true},
      {label: 'Customers, after', value: ([, a]) => count(a && a.count), numeric: true},
      {label: 'Mean predicted, after', value: ([, a]) => decimal(a && a.meanPredicted), numeric: true},
      {label: 'Observed, after', value: ([, a]) => decimal(a && a.observedRate), numeric: true},
    ], before.map((b, i) => [b, after[i]])));
  return section('calibration', 'Calibration, out of time', kpis('Calibration', [
    {key: 'calibrationMethod', label: 'Calibrator chosen', text: method},
    {key: 'brierBefore', label: 'Brier score before', text: decimal(calibration.outOfTimeBrierBefore)},
    {key: 'brierAfter', label: 'Brier score after', text: decimal(calibration.outOfTimeBrierAfter)},
    {key: 'calibrationRows', label: 'Fitted on (out-of-fold rows)', text: count(calibration.outOfFoldRows)},
  ]), diagram);
}
