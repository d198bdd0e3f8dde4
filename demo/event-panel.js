// The corner panel: every consent event the element dispatches and every dataLayer push, live,
// newest first. It is the demo's window into what a site and its tag manager receive.

export const CONSENT_EVENTS = ['consent-ready', 'consent-change', 'consent-ui-show', 'consent-ui-hide', 'consent-adapter-load', 'consent-adapter-error'];

const KINDS = { 'consent-change': 'change', 'consent-adapter-load': 'load', 'consent-adapter-error': 'error' };

/** The part of an event's detail worth reading: never the `Stripe` object or the whole record. */
function summarize(name, detail) {
  switch (name) {
    case 'consent-ready':
      return { categories: detail.categories, decided: detail.decided, gpc: detail.gpc };
    case 'consent-change':
      return { categories: detail.categories, changed: detail.changed, source: detail.source, reloadRecommended: detail.reloadRecommended };
    case 'consent-ui-show':
    case 'consent-ui-hide':
      return { view: detail.view };
    default:
      // consent-adapter-load and -error: id first, so the line reads `consent-adapter-error {"id":"stripe",…`.
      return { id: detail.id, ...(detail.reason ? { reason: detail.reason } : {}), ...(detail.src ? { src: detail.src } : {}) };
  }
}

/** A dataLayer entry as code: gtag commands are `arguments` objects, tag manager events plain objects. */
export function describeDataLayerEntry(entry) {
  const isArguments = Object.prototype.toString.call(entry) === '[object Arguments]';
  if (!isArguments) return JSON.stringify(entry);
  const values = Array.from(entry, (value) => (value instanceof Date ? 'new Date()' : JSON.stringify(value)));
  return `gtag(${values.join(', ')})`;
}

/**
 * Records every push to `window.dataLayer`, including those of a tag manager that later replaces
 * `push` with its own (gtag.js and gtm.js do): the replacement is kept and called through.
 */
export function watchDataLayer(onPush) {
  const dataLayer = (window.dataLayer ??= []);
  const earlier = [...dataLayer];
  let inner = dataLayer.push;
  const recording = function (...entries) {
    for (const entry of entries) onPush(entry);
    return inner.apply(this, entries);
  };
  Object.defineProperty(dataLayer, 'push', {
    configurable: true,
    get: () => recording,
    set: (replacement) => {
      inner = replacement;
    },
  });
  for (const entry of earlier) onPush(entry);
}

function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

/** Builds the panel at the end of `<body>` and starts listening to the consent events. Wide screens see it open. */
export function createEventPanel() {
  const count = element('span', { className: 'event-count' }, '0');
  const toggle = element('button', { type: 'button', className: 'event-panel-toggle', 'aria-expanded': 'false', 'aria-controls': 'event-panel-body' });
  // Named "Event log", not "Consent events": scanners look for fixed panels named after cookies
  // or consent, and took this one for the banner (issue 16).
  toggle.append(element('span', {}, 'Event log'), count);
  const list = element('ol');
  // A log region that scrolls: focusable, so keyboard users can scroll it too.
  const log = element('div', { id: 'event-log', className: 'event-log', role: 'log', tabIndex: 0, 'aria-label': 'Events and dataLayer pushes, newest first' }, list);
  const clear = element('button', { type: 'button', className: 'secondary' }, 'Clear');
  const body = element(
    'div',
    { id: 'event-panel-body', className: 'event-panel-body' },
    element('div', { className: 'event-panel-tools' }, element('p', {}, 'Events and dataLayer pushes, newest first'), clear),
    log,
  );
  const panel = element('aside', { className: 'event-panel', 'aria-labelledby': 'event-panel-heading' }, element('h2', { id: 'event-panel-heading' }, toggle), body);

  let entries = 0;
  const setOpen = (open) => {
    panel.classList.toggle('open', open);
    document.body.classList.toggle('event-panel-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(!panel.classList.contains('open')));
  clear.addEventListener('click', () => {
    list.replaceChildren();
    entries = 0;
    count.textContent = '0';
  });

  const add = (kind, name, text) => {
    const seconds = (performance.now() / 1000).toFixed(2);
    const item = element(
      'li',
      { 'data-kind': kind, 'data-name': name },
      element('span', { className: 'entry-time' }, `${seconds} s`),
      ' ',
      element('strong', { className: 'entry-name' }, name),
      ' ',
      element('code', {}, text),
    );
    list.prepend(item);
    count.textContent = String(++entries);
  };

  for (const name of CONSENT_EVENTS) {
    window.addEventListener(name, (event) => add(KINDS[name] ?? 'event', name, JSON.stringify(summarize(name, event.detail))));
  }

  document.body.classList.add('has-event-panel');
  document.body.append(panel);
  setOpen(window.matchMedia('(min-width: 64rem)').matches);
  return {
    panel,
    /** Lists a dataLayer entry (the page's `watchDataLayer` hands them over). */
    addDataLayerEntry(entry) {
      add('data-layer', 'dataLayer.push', describeDataLayerEntry(entry));
    },
    /** Docks the panel in the bottom corner at the page's inline `start` or `end`. */
    dockAt(side) {
      panel.dataset.side = side;
    },
  };
}
