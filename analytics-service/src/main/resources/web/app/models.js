import {getJson, postJson} from './api.js';
import {allowed} from './auth.js';
import {chart, rankingOption, tableView} from './charts.js';
import {h, problemBox} from './dom.js';
import {count, decimal, percent, text, utc} from './format.js';
import {curveSections} from './model-curves.js';
import {itemsOf, rendered, section} from './view.js';

// Models: the repurchase model versions (prediction-service) with their evaluation, and the recommender versions
// (recommender-service) with their ranking quality against the popularity baseline; the chosen version's curves
// (ROC, precision-recall, reliability) come from model-curves.js. Activation is shown to the roles that may do it
// (ml-engineer); the services enforce it whatever the page shows.

const ACTIVATORS = ['ml-engineer'];

export async function modelsPage(params) {
  const chosen = params.get('version');
  const [repurchase, evaluation, recommender] = await Promise.all([
    rendered(getJson('/api/predictions/models', {size: 20}), page => versionsTable(itemsOf(page)), 'Repurchase models'),
    rendered(getJson(chosen ? `/api/predictions/models/${encodeURIComponent(chosen)}` : '/api/predictions/models/active'),
      model => evaluationSections(model), 'Model evaluation'),
    rendered(getJson('/api/recommendations/models', {size: 20}), page => recommenderSection(itemsOf(page)), 'Recommender models'),
  ]);
  return [h('h1', {}, 'Models'),
    section('repurchase-models', 'Repurchase model versions', repurchase),
    evaluation,
    section('recommender-models', 'Recommender model versions', recommender)];
}

function activation(path, label) {
  if (!allowed(ACTIVATORS)) return null;
  const button = h('button', {type: 'button', class: 'action', 'data-action': 'activate'}, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await postJson(path);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      button.replaceWith(problemBox(e, 'Activation'));
    }
  });
  return button;
}

function versionsTable(models) {
  return tableView('Repurchase model versions, newest first', [
    {label: 'Version', value: m => h('a', {href: `#/models?version=${m.id}`}, `${m.id} ${m.algorithm}`)},
    {label: 'Trained to', value: m => utc(m.testCutoff)},
    {label: 'Horizon, days', value: m => count(m.horizonDays), numeric: true},
    {label: 'Threshold', value: m => decimal(m.threshold), numeric: true},
    {label: 'ROC AUC, cross-validated', value: m => decimal(m.crossValidationRocAuc), numeric: true},
    {label: 'ROC AUC, out of time', value: m => decimal(m.outOfTimeRocAuc), numeric: true},
    {label: 'Active', value: m => (m.active ? 'active' : activation(`/api/predictions/models/${m.id}/activation`, 'Activate'))},
  ], models, 'no model trained yet.');
}

const METRICS = [['accuracy', 'Accuracy'], ['rocAuc', 'ROC AUC'], ['prAuc', 'PR AUC'], ['precision', 'Precision'],
  ['recall', 'Recall'], ['f1', 'F1'], ['kappa', 'Cohen’s kappa'], ['mcc', 'MCC'], ['brier', 'Brier score']];

function evaluationSections(model) {
  const e = model.evaluation || {};
  const reports = [['Cross-validation', e.crossValidation], ['Out of time', e.outOfTime]].filter(([, r]) => r);
  const importance = Object.entries(e.gainImportance || {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
  const confusion = e.outOfTime && e.outOfTime.confusion;
  return [
    section('evaluation', `Version ${model.id} (${text(model.algorithm)}${model.active ? ', active' : ''}): evaluation`,
      tableView('Metrics at the stored threshold', [
        {label: 'Metric', value: ([, label]) => label},
        ...reports.map(([name, r]) => ({label: name, value: ([key]) => decimal(r[key]), numeric: true})),
      ], METRICS),
      tableView('Snapshots', [
        {label: 'Snapshot', value: ([name]) => name},
        {label: 'Customers', value: ([, r]) => count(r.customers), numeric: true},
        {label: 'Positives', value: ([, r]) => count(r.positives), numeric: true},
        {label: 'Threshold', value: ([, r]) => decimal(r.threshold), numeric: true},
      ], reports)),
    curveSections(e),
    confusion ? section('confusion', 'Confusion matrix, out of time, at the threshold', chart('confusion',
      'Confusion matrix: actual against predicted', {
        tooltip: {confine: true, formatter: p => `actual ${p.value[1] ? 'orders again' : 'does not'}, predicted ${p.value[0] ? 'orders again' : 'does not'}: ${p.value[2]}`},
        grid: {left: 8, right: 8, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel'},
        xAxis: {type: 'category', data: ['predicted no', 'predicted yes']},
        yAxis: {type: 'category', data: ['actual no', 'actual yes']},
        visualMap: {show: false, min: 0, max: Math.max(confusion.trueNegatives, confusion.falsePositives, confusion.falseNegatives, confusion.truePositives),
          inRange: {color: ['#f3f6fb', '#1f5fbf']}},
        series: [{type: 'heatmap', label: {show: true}, data: [[0, 0, confusion.trueNegatives], [1, 0, confusion.falsePositives],
          [0, 1, confusion.falseNegatives], [1, 1, confusion.truePositives]]}],
      }, tableView('Confusion matrix', [
        {label: 'Actual', value: r => r[0]},
        {label: 'Predicted no', value: r => count(r[1]), numeric: true},
        {label: 'Predicted yes', value: r => count(r[2]), numeric: true},
      ], [['no', confusion.trueNegatives, confusion.falsePositives], ['yes', confusion.falseNegatives, confusion.truePositives]]))) : null,
    importance.length ? section('importance', 'Feature importance (total gain)', chart('importance', 'Feature importance by total gain',
      rankingOption(importance.map(([name]) => name), importance.map(([, v]) => v), 'Gain'),
      tableView('Feature importance', [
        {label: 'Feature', value: ([name]) => name},
        {label: 'Total gain', value: ([, v]) => decimal(v), numeric: true},
        {label: 'Permutation (AUC drop)', value: ([name]) => decimal((e.permutationImportance || {})[name]), numeric: true},
      ], importance))) : null,
  ];
}

function recommenderSection(versions) {
  const active = versions.find(v => v.active) || versions[0];
  const test = (active && active.report && active.report.test) || [];
  return [
    tableView('Recommender model versions, newest first', [
      {label: 'Version', value: v => text(v.id)},
      {label: 'Algorithm', value: v => text(v.algorithm)},
      {label: 'Cutoff', value: v => utc(v.cutoff)},
      {label: 'Customers', value: v => count(v.customers), numeric: true},
      {label: 'Products', value: v => count(v.products), numeric: true},
      {label: 'Active', value: v => (v.active ? 'active' : activation(`/api/recommendations/models/${v.id}/activation`, 'Activate'))},
    ], versions, 'no model trained yet.'),
    test.length ? chart('recommender-quality', `Version ${active.id}: ranking quality on the test window against popularity`,
      {legend: {top: 0}, tooltip: {trigger: 'axis', confine: true},
        grid: {left: 8, right: 16, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel'},
        xAxis: {type: 'category', data: ['precision', 'recall', 'NDCG', 'MAP', 'coverage']},
        yAxis: {type: 'value'},
        series: test.map(m => ({name: m.model, type: 'bar', data: [m.precision, m.recall, m.ndcg, m.map, m.coverage]}))},
      tableView('Ranking quality on the test window', [
        {label: 'Model', value: m => text(m.model)},
        {label: 'k', value: m => count(m.k), numeric: true},
        {label: 'Precision@k', value: m => decimal(m.precision), numeric: true},
        {label: 'Recall@k', value: m => decimal(m.recall), numeric: true},
        {label: 'NDCG@k', value: m => decimal(m.ndcg), numeric: true},
        {label: 'MAP@k', value: m => decimal(m.map), numeric: true},
        {label: 'Coverage', value: m => percent(m.coverage), numeric: true},
      ], test)) : null,
  ];
}
