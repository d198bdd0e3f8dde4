// The README's default Trusted Types policy: Stripe's script URL is admitted, nothing else.
trustedTypes.createPolicy('default', {
  // Anything else is refused, as it would be without this policy.
  createScriptURL: (url) => (new URL(url, location.href).origin === 'https://js.stripe.com' ? url : null),
});
