// The page's wiring: the editor, Prove, the live progress and the recent list.
import * as api from './api.js';
import { html, render } from './html.js';
import { logLine, showProgress, showRecent, showResult, showTheorem } from './view.js';

const $ = id => document.getElementById(id);
const lines = text => text.split('\n').map(l => l.trim()).filter(l => l.length > 0);

/** "name: value" lines as a map, or an error naming the line. */
function pairs(text, field) {
  const map = {};
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`${field}, line ${i + 1}: expected "name: value", got "${line.trim()}"`);
    map[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return map;
}

function readEditor() {
  const name = $('name').value.trim();
  const random = crypto.getRandomValues(new Uint32Array(2)).reduce((s, n) => s + n.toString(16).padStart(8, '0'), '');
  return {
    id: `web-${random}`,
    name,
    format: $('format').value,
    statement: $('statement').value,
    assumptions: lines($('assumptions').value),
    variables: pairs($('variables').value, 'variables'),
    definitions: pairs($('definitions').value, 'definitions'),
    timeoutSeconds: Number($('timeout').value) || 0,
  };
}

function showFormError(message) {
  $('form-error').hidden = !message;
  $('form-error').textContent = message ?? '';
}

let following = null;

function follow(id) {
  following?.close();
  following = api.watchTheorem(id, async event => {
    showProgress(event);
    // Decomposed: the stored theorem lists every obligation, the ones not yet started among them.
    if (event.kind === 'PROGRESS_KIND_DECOMPOSED' || event.kind === 'PROGRESS_KIND_COMPLETED') {
      const theorem = await api.getTheorem(id);
      // A late answer to the decomposition must not repaint the final result.
      if (event.kind === 'PROGRESS_KIND_COMPLETED' || !String(theorem.status).match(/PROVED|DISPROVED|UNKNOWN|ERROR|CANCELLED/)) showResult(theorem);
      if (event.kind === 'PROGRESS_KIND_COMPLETED') refreshRecent();
    }
  }, message => logLine(message));
}

async function prove() {
  showFormError(null);
  let theorem;
  try {
    theorem = readEditor();
  } catch (e) {
    showFormError(e.message);
    return;
  }
  $('prove').disabled = true;
  try {
    await api.submitTheorem(theorem);
    showTheorem(theorem.id, theorem.name);
    follow(theorem.id);
  } catch (e) {
    showFormError(e.message);
  } finally {
    $('prove').disabled = false;
  }
}

async function open(id) {
  try {
    const theorem = await api.getTheorem(id);
    showTheorem(theorem.id, theorem.name);
    showResult(theorem);
    if (!String(theorem.status).match(/PROVED|DISPROVED|UNKNOWN|ERROR|CANCELLED/)) follow(id);
  } catch (e) {
    showFormError(e.message);
  }
}

async function refreshRecent() {
  try {
    // Id order from the server, the newest first here: the first 200 are enough for a page.
    const page = await api.listTheorems(200);
    showRecent(page.theorems ?? [], open);
  } catch (e) {
    showFormError(`recent theorems: ${e.message}`);
  }
}

async function loadExamples() {
  const all = await api.examples();
  const select = $('examples');
  render(select, html`<option value="">— load an example —</option>${all.map((x, i) =>
    html`<option value="${i}">${x.file}: ${x.name || x.id}${x.expected ? ` (${x.expected})` : ''}</option>`)}`);
  select.addEventListener('change', () => {
    const x = all[Number(select.value)];
    if (!x) return;
    $('name').value = x.name;
    $('format').value = x.format === 'smtlib2' ? 'THEOREM_FORMAT_SMTLIB2' : 'THEOREM_FORMAT_INFIX';
    $('statement').value = x.statement;
    $('assumptions').value = x.assumptions.join('\n');
    $('variables').value = Object.entries(x.variables).map(([k, v]) => `${k}: ${v}`).join('\n');
    $('definitions').value = Object.entries(x.definitions).map(([k, v]) => `${k}: ${v}`).join('\n');
  });
}

$('prove').addEventListener('click', prove);
$('refresh').addEventListener('click', refreshRecent);
loadExamples().catch(e => showFormError(`examples: ${e.message}`));
refreshRecent();
document.body.dataset.ready = 'true';
