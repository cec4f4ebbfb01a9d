/**
 * The HTML report's stylesheet and script, inline in the page (no network, works from file://).
 * The page's Content-Security-Policy allows exactly these two by hash, and nothing else.
 */

export const HTML_STYLE = `
:root {
  --ink: #0f172a; --muted: #475569; --faint: #94a3b8; --line: #e2e8f0; --panel: #f8fafc; --page: #ffffff;
  --accent: #1d4ed8; --critical: #b42318; --high: #c2410c; --medium: #a16207; --low: #0e7490; --info: #475569;
  --live: #b42318; --history: #94a3b8;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--page); line-height: 1.45; font-size: 15px;
}
* { box-sizing: border-box; }
body { margin: 0; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88em; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { display: flex; justify-content: space-between; align-items: flex-end; gap: 24px; flex-wrap: wrap;
  padding: 28px 40px 22px; border-bottom: 1px solid var(--line); background: var(--panel); }
header.top h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; letter-spacing: -0.01em; }
header.top .sub { margin: 0; color: var(--muted); font-size: 14px; }
.verdict { font-weight: 600; padding: 8px 14px; border-radius: 8px; font-size: 14px; }
.verdict.bad { background: #fef3f2; color: var(--critical); border: 1px solid #fecdca; }
.verdict.warn { background: #fffaeb; color: var(--medium); border: 1px solid #fedf89; }
.verdict.good { background: #ecfdf3; color: #067647; border: 1px solid #abefc6; }
main { padding: 24px 40px 40px; max-width: 1400px; }
section { margin: 0 0 32px; }
h2 { font-size: 17px; font-weight: 650; margin: 0 0 12px; }
h2 .hint { font-weight: 400; color: var(--muted); font-size: 13px; margin-left: 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; background: var(--page); }
.card .value { font-size: 28px; font-weight: 650; letter-spacing: -0.02em; font-variant-numeric: tabular-nums; }
.card .value.small { font-size: 16px; padding: 7px 0 6px; }
.card .label { color: var(--muted); font-size: 13px; }
.card.alert .value { color: var(--live); }
.timeline { border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px 6px; }
.timeline svg { width: 100%; height: auto; display: block; }
.timeline text { font-size: 11px; fill: var(--muted); font-family: inherit; }
.legend { display: flex; gap: 16px; font-size: 12px; color: var(--muted); padding: 4px 0 6px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.legend .l-live { background: var(--live); } .legend .l-history { background: var(--history); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 24px 32px; }
.tools { display: flex; align-items: center; gap: 10px; margin: 0 0 8px; }
.tools input { font: inherit; font-size: 13px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; width: 240px; }
.tools input:focus { outline: 2px solid #bfdbfe; border-color: var(--accent); }
.tools .count { color: var(--faint); font-size: 12px; }
.scroll { max-height: 430px; overflow: auto; border-bottom: 1px solid var(--line); }
.scroll thead th { position: sticky; top: 0; background: var(--page); z-index: 1; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; }
th { text-align: left; font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em;
  border-bottom: 1px solid var(--line); padding: 0; white-space: nowrap; }
th button { all: unset; cursor: pointer; display: block; padding: 8px 10px; }
th button:focus-visible { outline: 2px solid #bfdbfe; }
th[aria-sort="ascending"] button::after { content: " ▲"; font-size: 9px; }
th[aria-sort="descending"] button::after { content: " ▼"; font-size: 9px; }
td { padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
tbody tr:hover { background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.path { word-break: break-all; }
td .pick { all: unset; cursor: pointer; color: var(--accent); word-break: break-all; }
td .pick:hover { text-decoration: underline; }
.sev { display: inline-block; min-width: 64px; text-align: center; padding: 2px 8px; border-radius: 999px; font-size: 11.5px;
  font-weight: 650; text-transform: uppercase; letter-spacing: 0.03em; color: #fff; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); }
.sev-low { background: var(--low); } .sev-info { background: var(--info); }
.status { display: inline-block; white-space: nowrap; padding: 2px 8px; border-radius: 6px; font-size: 12px; font-weight: 600; }
.status.live { background: #fef3f2; color: var(--live); border: 1px solid #fecdca; }
.status.history { background: var(--panel); color: var(--muted); border: 1px solid var(--line); }
.status.unknown { background: var(--panel); color: var(--faint); border: 1px dashed var(--line); }
.refs { display: block; color: var(--muted); font-size: 12px; margin-top: 3px; }
.tag { color: var(--muted); font-size: 12px; margin-left: 4px; }
.secret code { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 1px 5px; }
.rule { color: var(--muted); font-size: 12px; display: block; }
td.locs { min-width: 260px; }
.nowrap { white-space: nowrap; }
ul.locs { margin: 0; padding: 0; list-style: none; }
ul.locs li { word-break: break-all; }
.when { color: var(--muted); font-size: 12px; display: block; }
.fix { font-size: 12.5px; max-width: 360px; }
.fix p { margin: 0 0 4px; }
.fix a { word-break: break-all; }
.notes { color: var(--muted); font-size: 13px; }
.notes li { margin: 2px 0; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--faint); font-size: 12px; padding: 0 40px 32px; }
@media print {
  :root { font-size: 11px; }
  header.top { background: none; padding: 0 0 12px; }
  main { padding: 12px 0; max-width: none; }
  .tools { display: none; }
  .scroll { max-height: none; overflow: visible; border-bottom: 0; }
  tr, .card, .timeline { break-inside: avoid; }
  .grid { grid-template-columns: 1fr 1fr; }
  a { color: inherit; }
  .sev, .status, .legend i, .timeline rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  footer { padding: 12px 0 0; }
}
`;

/** Sorting by a column header, filtering a table by its search box, and picking a row to filter the secrets. */
export const HTML_SCRIPT = `
(function () {
  'use strict';
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var key = function (cell) {
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim().toLowerCase() : v;
  };
  each(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, i) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var numeric = th.getAttribute('data-type') === 'number';
        var current = th.getAttribute('aria-sort');
        var asc = current ? current !== 'ascending' : !numeric;
        each(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[i]);
          var y = key(b.cells[i]);
          var d = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
          return asc ? d : -d;
        });
        // One insertion, one layout: row by row, a few thousand rows took seconds.
        var sorted = document.createDocumentFragment();
        each(rows, function (r) { sorted.appendChild(r); });
        body.appendChild(sorted);
      });
    });
  });
  var filters = {};
  each(document.querySelectorAll('input[data-filter]'), function (input) {
    var table = document.getElementById(input.getAttribute('data-filter'));
    if (!table) return;
    var count = document.querySelector('[data-count-for="' + table.id + '"]');
    var update = function () {
      var q = input.value.trim().toLowerCase();
      var rows = table.tBodies[0].rows;
      var shown = 0;
      each(rows, function (r) {
        var hit = q === '' || r.textContent.toLowerCase().indexOf(q) !== -1;
        r.hidden = !hit;
        if (hit) shown++;
      });
      if (count) count.textContent = shown + ' of ' + rows.length;
    };
    input.addEventListener('input', update);
    filters[table.id] = function (value) { input.value = value; update(); };
  });
  each(document.querySelectorAll('button[data-pick]'), function (button) {
    button.addEventListener('click', function () {
      var target = document.getElementById('secrets');
      if (!filters.secrets || !target) return;
      filters.secrets(button.getAttribute('data-pick'));
      target.scrollIntoView({ block: 'start' });
    });
  });
})();
`;
