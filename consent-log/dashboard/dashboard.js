// The consent log's dashboard: reads the admin API with the token the operator types (kept for
// this tab only, in sessionStorage) and draws the daily statistics with uPlot.
/* global uPlot */
(() => {
  const TOKEN_KEY = 'consent-log-token';
  const $ = (id) => document.getElementById(id);
  const status = (text, isError = false) => {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  };

  // A link may carry the token in its fragment (#token=…), which browsers never send to a server.
  const fromFragment = /^#token=(.+)$/.exec(location.hash);
  if (fromFragment) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(fromFragment[1]));
    history.replaceState(null, '', location.pathname);
  }

  async function api(path) {
    const response = await fetch(path, { headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ''}` } });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin('That token was refused.');
      throw new Error('unauthorized');
    }
    const body = await response.json();
    if (!response.ok) throw new Error(body.errors?.join('; ') ?? body.error ?? `HTTP ${response.status}`);
    return body;
  }

  function element(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  const charts = new Map();
  const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#be185d', '#4d7c0f'];
  /** One line per series over the days; replaces the chart drawn before in the same place. */
  function drawChart(id, days, series, { percent = false } = {}) {
    charts.get(id)?.destroy();
    const target = $(id);
    target.replaceChildren();
    if (days.length === 0) {
      target.append(element('p', 'No records in this range.'));
      return;
    }
    const x = days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
    const options = {
      width: Math.max(320, target.clientWidth || 800),
      height: 240,
      scales: { x: { time: true }, y: percent ? { range: [0, 100] } : { auto: true } },
      // One tick per day at most, labelled with the UTC day the statistics are counted in.
      axes: [
        { incrs: [86_400, 7 * 86_400, 30 * 86_400], values: (_chart, ticks) => ticks.map((tick) => new Date(tick * 1000).toISOString().slice(5, 10)) },
        { values: (_chart, ticks) => ticks.map((tick) => (percent ? `${tick}%` : String(tick))) },
      ],
      series: [{}, ...series.map(({ label }, index) => ({ label, stroke: PALETTE[index % PALETTE.length], width: 2, points: { show: days.length < 40 } }))],
    };
    charts.set(id, new uPlot(options, [x, ...series.map(({ values }) => values)], target));
  }

  async function showStats(from, to) {
    status('Loading…');
    const stats = await api(`/v1/stats?from=${from}&to=${to}`);
    const days = stats.days.map((day) => day.day);
    drawChart('choices-chart', days, [
      { label: 'Accept all', values: stats.days.map((day) => day.acceptAll) },
      { label: 'Reject all', values: stats.days.map((day) => day.rejectAll) },
      { label: 'Custom', values: stats.days.map((day) => day.custom) },
    ]);
    const categories = [...new Set(stats.days.flatMap((day) => Object.keys(day.categories)))].sort();
    drawChart(
      'categories-chart',
      days,
      categories.map((category) => ({ label: category, values: stats.days.map((day) => (day.categories[category] ? Math.round(day.categories[category].grantRate * 1000) / 10 : null)) })),
      { percent: true },
    );
    const languages = [...new Set(stats.days.flatMap((day) => Object.keys(day.languages)))].sort();
    drawChart('languages-chart', days, languages.map((language) => ({ label: language, values: stats.days.map((day) => day.languages[language] ?? 0) })));
    $('languages').tBodies[0].replaceChildren(
      ...languages.map((language) => {
        const row = element('tr');
        row.append(element('td', language), element('td', String(stats.days.reduce((sum, day) => sum + (day.languages[language] ?? 0), 0))));
        return row;
      }),
    );
    const total = stats.days.reduce((sum, day) => sum + day.records, 0);
    status(`${total} records from ${from} to ${to}`);
  }

  function recordRow(record) {
    const row = element('tr');
    row.append(
      element('td', record.receivedAt.replace('T', ' ').slice(0, 19)),
      element('td', record.consentId),
      element('td', record.action),
      element('td', record.granted.join(', ')),
      element('td', record.denied.join(', ')),
      element('td', record.method),
      element('td', record.language),
      element('td', record.url),
    );
    return row;
  }

  async function showLatest() {
    const { records } = await api('/v1/latest?limit=50');
    $('latest').tBodies[0].replaceChildren(...records.map(recordRow));
  }

  async function showProof(consentId) {
    const target = $('proof');
    target.replaceChildren(element('p', 'Searching…'));
    try {
      const proof = await api(`/v1/consents/${encodeURIComponent(consentId)}`);
      const table = element('table');
      const body = element('tbody');
      body.append(...proof.records.map(recordRow));
      table.append(body);
      // Said above the notices, not left in them: a changed notice is not what the visitor was shown.
      const warnings = Object.entries(proof.notices).flatMap(([hash, notice]) => {
        if (notice === null) return [element('p', `The notice ${hash} is not stored: never received, or deleted (/v1/verify tells which).`, { class: 'warning' })];
        if (notice.contentMatchesHash === false) return [element('p', `The notice ${hash} was changed after it was stored: its content is not what the visitor was shown.`, { class: 'warning', role: 'alert' })];
        return [];
      });
      target.replaceChildren(element('p', `${proof.records.length} records for ${consentId}, oldest first. What the visitor was shown:`), table, ...warnings, element('pre', JSON.stringify(proof.notices, null, 2)));
    } catch (error) {
      target.replaceChildren(element('p', error.message === 'unauthorized' ? '' : error.message));
    }
  }

  function showLogin(message) {
    $('dashboard').hidden = true;
    $('login').hidden = false;
    status(message ?? 'Enter the admin token (CONSENT_LOG_ADMIN_TOKEN).');
  }

  async function showDashboard() {
    $('login').hidden = true;
    $('dashboard').hidden = false;
    const today = new Date().toISOString().slice(0, 10);
    if (!$('to').value) $('to').value = today;
    if (!$('from').value) $('from').value = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
    try {
      await Promise.all([showStats($('from').value, $('to').value), showLatest()]);
      document.body.dataset.ready = 'true';
    } catch (error) {
      if (error.message !== 'unauthorized') status(error.message, true);
    }
  }

  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value);
    $('token').value = '';
    void showDashboard();
  });
  $('range').addEventListener('submit', (event) => {
    event.preventDefault();
    void showDashboard();
  });
  $('search').addEventListener('submit', (event) => {
    event.preventDefault();
    void showProof($('consent-id').value.trim());
  });

  if (sessionStorage.getItem(TOKEN_KEY)) void showDashboard();
  else showLogin();
})();
