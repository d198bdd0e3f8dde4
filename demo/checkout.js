// The checkout: the plan from the URL, and a card field from Stripe. Stripe.js is loaded by the
// consent manager's Stripe adapter once "payments" is allowed; its `Stripe` object arrives on
// `consent-adapter-load`. Offline, or with Stripe blocked, `consent-adapter-error` arrives
// instead and the form says so: nothing else breaks, and nothing is ever charged.

const PLANS = {
  starter: { name: 'Starter', price: 19 },
  team: { name: 'Team', price: 79 },
  business: { name: 'Business', price: 249 },
};

const manager = document.querySelector('consent-manager');
const form = document.getElementById('checkout-form');
const field = document.getElementById('card-field');
const mountPoint = document.getElementById('card-element');
const status = document.getElementById('card-status');
const allowButton = document.getElementById('allow-payments');
const payButton = document.getElementById('pay');
const message = document.getElementById('form-message');

// ---- The order summary ---------------------------------------------------------------------

const planId = new URLSearchParams(location.search).get('plan');
const plan = PLANS[planId] ?? PLANS.team;
const euros = (amount) => new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(amount);
const vat = Math.round(plan.price * 0.21 * 100) / 100;
document.getElementById('plan-name').textContent = plan.name;
document.getElementById('plan-price').textContent = `${euros(plan.price)} / month`;
document.getElementById('plan-vat').textContent = euros(vat);
document.getElementById('plan-total').textContent = euros(plan.price + vat);
payButton.textContent = `Pay ${euros(plan.price + vat)}`;

// ---- The card field ------------------------------------------------------------------------

let paymentElement = null;

/** Shows the field in one state: checking, needs-consent, loading, mounted or unavailable. */
function show(state, text, tone = 'normal') {
  field.dataset.state = state;
  status.textContent = text;
  status.dataset.tone = tone;
  allowButton.hidden = state !== 'needs-consent';
  if (state !== 'mounted') payButton.disabled = true;
}

function askForConsent() {
  show(
    'needs-consent',
    'Card payments go through Stripe, which sets cookies to detect fraud. Stripe loads only once you allow payment cookies.',
  );
}

/** Colours for Stripe's iframe, which cannot see the page's CSS: read from the site's tokens. */
function appearance() {
  const style = getComputedStyle(document.documentElement);
  const token = (name) => style.getPropertyValue(name).trim();
  return {
    theme: style.colorScheme === 'dark' ? 'night' : 'stripe',
    variables: { colorPrimary: token('--brand'), colorText: token('--text'), colorBackground: token('--raised'), borderRadius: '8px' },
  };
}

function mount(stripe) {
  try {
    const cents = Math.round((plan.price + vat) * 100);
    const elements = stripe.elements({ mode: 'payment', amount: cents, currency: 'eur', appearance: appearance() });
    paymentElement = elements.create('payment', { layout: 'tabs' });
    paymentElement.on('change', (event) => {
      payButton.disabled = !event.complete;
    });
    paymentElement.mount(mountPoint);
    show('mounted', 'Test mode: card 4242 4242 4242 4242, any future date, any CVC.');
  } catch {
    // Stripe.js arrived but did not behave like Stripe.js (an old or altered copy).
    show('unavailable', 'Stripe loaded, but its card field could not be shown. Nothing has been charged.', 'bad');
  }
}

const REASONS = {
  offline: 'you seem to be offline',
  blocked: 'the page or a browser extension blocked it',
  timeout: 'it took too long to answer',
  error: 'it could not be reached',
  exception: 'it failed while starting',
};

window.addEventListener('consent-ready', (event) => {
  if (event.detail.categories.payments) show('loading', 'Loading Stripe’s secure card field…');
  else askForConsent();
});

window.addEventListener('consent-change', (event) => {
  if (!event.detail.changed.includes('payments')) return;
  if (event.detail.categories.payments) {
    if (!paymentElement && field.dataset.state !== 'unavailable') show('loading', 'Loading Stripe’s secure card field…');
  } else {
    paymentElement?.destroy();
    paymentElement = null;
    mountPoint.replaceChildren();
    askForConsent();
  }
});

window.addEventListener('consent-adapter-load', (event) => {
  if (event.detail.id === 'stripe' && event.detail.instance && manager.isAllowed('payments')) mount(event.detail.instance);
});

window.addEventListener('consent-adapter-error', (event) => {
  if (event.detail.id !== 'stripe') return;
  const why = REASONS[event.detail.reason] ?? REASONS.error;
  show('unavailable', `Card payment is not available right now: Stripe did not load (${why}). Nothing has been charged; please try again later.`, 'bad');
});

allowButton.addEventListener('click', () => manager.save({ payments: true }));

form.addEventListener('submit', (event) => {
  event.preventDefault();
  message.textContent =
    'This is a demo, so no payment is taken. A real checkout would now call elements.submit() and confirm a PaymentIntent its server created.';
});

show('checking', 'Checking your cookie choice…');
