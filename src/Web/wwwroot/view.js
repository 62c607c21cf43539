// What the result panel and the recent list show. Everything from the server goes through html``, which escapes it.
import { html, render } from './html.js';

const $ = id => document.getElementById(id);

/** "THEOREM_STATUS_PROVED" -> "PROVED"; the proto's JSON spells enums by their full names. */
export function enumName(value, prefix) {
  const text = String(value ?? '');
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

const status = s => enumName(s, 'THEOREM_STATUS_');
const obligationStatus = s => enumName(s, 'OBLIGATION_STATUS_');
const kind = k => enumName(k, 'OBLIGATION_KIND_').toLowerCase().replace('_', '-');

/** The obligations shown, by id, in the order they became known. */
const obligations = new Map();

export function showTheorem(id, name) {
  obligations.clear();
  $('empty').hidden = true;
  $('outcome').hidden = false;
  $('theorem-id').textContent = id;
  $('theorem-name').textContent = name || '(unnamed)';
  setVerdict('PENDING');
  $('elapsed').textContent = '';
  for (const box of ['counterexample-box', 'warnings-box', 'assumptions-box', 'error']) $(box).hidden = true;
  render($('log'), html``);
  renderObligations();
}

function setVerdict(text) {
  $('verdict').textContent = text;
  $('verdict').dataset.status = text;
}

export function logLine(text) {
  const item = document.createElement('li');
  item.textContent = text;
  $('log').append(item);
}

/** A progress event: obligations appear when started and change status when finished. */
export function showProgress(event) {
  const id = event.obligationId;
  switch (event.kind) {
    case 'PROGRESS_KIND_SUBMITTED': logLine('submitted'); break;
    case 'PROGRESS_KIND_DECOMPOSED':
      setVerdict('RUNNING');
      logLine(`split into ${event.obligationCount} obligation${event.obligationCount === 1 ? '' : 's'}`);
      break;
    case 'PROGRESS_KIND_OBLIGATION_STARTED':
      upsert({ id, description: event.description, status: 'RUNNING', strategy: event.strategy });
      logLine(`${id}: started with ${event.strategy}`);
      break;
    case 'PROGRESS_KIND_OBLIGATION_FINISHED':
      upsert({ id, description: event.description, status: obligationStatus(event.obligationStatus), strategy: event.strategy, elapsedMs: event.elapsedMs });
      logLine(`${id}: ${obligationStatus(event.obligationStatus)}${event.strategy ? ` by ${event.strategy}` : ''}`);
      break;
    case 'PROGRESS_KIND_SEARCH_PROGRESS':
      logLine(`genetic search: generation ${event.generation}, best fitness ${event.bestFitness}`);
      break;
    case 'PROGRESS_KIND_COMPLETED':
      logLine(`completed: ${status(event.theoremStatus)}`);
      break;
  }
}

function upsert(o) {
  obligations.set(o.id, { ...obligations.get(o.id), ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) });
  renderObligations();
}

function renderObligations() {
  render($('obligations').tBodies[0], html`${[...obligations.values()].map(o => html`
    <tr data-obligation="${o.id}">
      <td>${o.id}</td><td>${o.kind ?? ''}</td><td>${o.description ?? ''}</td>
      <td class="status" data-status="${o.status}">${o.status}</td><td>${o.strategy ?? ''}</td><td>${o.elapsedMs ?? ''}</td>
    </tr>`)}`);
}

/** The stored theorem: its verdict, counterexample, warnings, assumptions used and every obligation. */
export function showResult(t) {
  $('theorem-name').textContent = t.name || '(unnamed)';
  setVerdict(status(t.status));
  $('elapsed').textContent = t.elapsedMs && t.elapsedMs !== '0' ? `(${t.elapsedMs} ms)` : '';
  for (const o of t.obligations ?? []) {
    obligations.set(o.id, {
      id: o.id, kind: kind(o.kind), description: o.description, status: obligationStatus(o.status),
      strategy: o.strategy || o.reason, elapsedMs: o.elapsedMs,
    });
  }
  renderObligations();

  $('error').hidden = !t.error;
  $('error').textContent = t.error ?? '';

  const assignment = Object.entries(t.counterexample?.assignment ?? {});
  $('counterexample-box').hidden = assignment.length === 0 && !t.counterexample?.explanation;
  const approximate = new Set(t.counterexample?.approximate ?? []);
  render($('counterexample').tBodies[0], html`${assignment.map(([name, value]) => html`
    <tr><td>${name}</td><td class="value">${approximate.has(name) ? `≈ ${value}` : value}</td></tr>`)}`);
  $('counterexample-note').textContent = t.counterexample
    ? `${confirmation(t.counterexample.validation)}${t.counterexample.explanation ? ` — ${t.counterexample.explanation}` : ''}`
    : '';

  const warnings = t.warnings ?? [];
  $('warnings-box').hidden = warnings.length === 0;
  render($('warnings'), html`${warnings.map(w => html`<li>${w}</li>`)}`);

  const used = t.proof?.assumptionsUsed ?? [];
  $('assumptions-box').hidden = !t.proof;
  render($('assumptions-used'), used.length
    ? html`${used.map(a => html`<li><code>${a}</code></li>`)}`
    : html`<li>none: the statement holds without them</li>`);
}

/** The most recently updated theorems first. */
export function showRecent(theorems, onOpen) {
  const recent = [...theorems].sort((a, b) => String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? ''))).slice(0, 20);
  const list = $('recent');
  render(list, html`${recent.map(t => html`
    <li><a href="#" data-id="${t.id}">${t.name || t.id}</a>
      <span data-status="${status(t.status)}">${status(t.status)}</span></li>`)}`);
  for (const link of list.querySelectorAll('a[data-id]')) {
    link.addEventListener('click', e => { e.preventDefault(); onOpen(link.dataset.id); });
  }
}

/** How a counterexample was confirmed, in words (the proto's CounterexampleValidation, as JSON transcoding names it). */
function confirmation(validation) {
  switch (validation) {
    case 'COUNTEREXAMPLE_VALIDATION_EXACT': return 'checked in exact arithmetic';
    case 'COUNTEREXAMPLE_VALIDATION_INTERVAL': return 'certified by interval arithmetic';
    case 'COUNTEREXAMPLE_VALIDATION_SOLVER': return 'confirmed by a solver, not checked exactly';
    default: return 'not checked';
  }
}
