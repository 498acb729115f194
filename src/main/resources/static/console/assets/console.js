// The staff console's only script of its own (loaded from the bank, as the page's CSP asks).
// Every htmx request carries the session's CSRF token in the header the layout's meta tags name:
// the token is the same for the whole session, so polls and other tabs never make it stale.
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('csrf-header');
    var token = meta('csrf-token');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });
})();

