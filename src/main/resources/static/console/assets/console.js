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

// Live queue (issue 19): an element with data-events listens to the server's events (plain
// EventSource, no htmx extension) and, on "queue", fetches data-refresh again and swaps itself.
// The fetch says it is a refresh (X-Console-Poll), so a screen left open still signs out when idle.
(function () {
  'use strict';

  function listen() {
    var live = document.querySelector('[data-events]');
    if (!live || typeof EventSource === 'undefined' || typeof htmx === 'undefined') {
      return;
    }
    var source = new EventSource(live.getAttribute('data-events'));
    source.addEventListener('queue', function () {
      var current = document.getElementById(live.id);
      if (!current) {
        return;
      }
      htmx.ajax('GET', current.getAttribute('data-refresh'), {
        target: '#' + current.id, swap: 'outerHTML', headers: {'X-Console-Poll': '1'}
      });
    });
    source.addEventListener('error', function () {
      // signed out (401) or the server went away for good: EventSource stops on its own, or retries
      document.body.setAttribute('data-events-state', String(source.readyState));
    });
    source.addEventListener('open', function () {
      document.body.setAttribute('data-events-state', 'open');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', listen);
  } else {
    listen();
  }
})();
