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

  /** Fetches the live element again and swaps it (what an event does; tests call it too). */
  function redraw() {
    var live = document.querySelector('[data-events]');
    if (!live || typeof htmx === 'undefined') {
      return;
    }
    // the element stays and its content is replaced, so that every answer lands in the page (an
    // answer swapped into an element another answer replaced would be lost) and in request order
    htmx.ajax('GET', live.getAttribute('data-refresh'), {
      target: '#' + live.id, select: '#' + live.id + ' > *', swap: 'innerHTML', headers: {'X-Console-Poll': '1'}
    });
  }

  window.SocialbankConsole = {redraw: redraw};

  function listen() {
    var live = document.querySelector('[data-events]');
    if (!live || typeof EventSource === 'undefined' || typeof htmx === 'undefined') {
      return;
    }
    var source = new EventSource(live.getAttribute('data-events'));
    source.addEventListener('queue', redraw);
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

// Swaps in the order the requests were sent (issue 19's defect): a live redraw fetched just before
// a press (an htmx POST) can answer after the press's own swap, and would show the state from
// before the press. Every htmx request gets a number when it is sent; an answer older than the
// newest one already swapped into the same element is dropped (the next event redraws anyway).
// The live element's answers replace its content, not the element, so it stays in the page and
// its events reach this listener.
(function () {
  'use strict';

  var sent = 0;
  var dropped = 0;
  var newestSwapped = {};

  document.addEventListener('htmx:beforeRequest', function (event) {
    sent += 1;
    event.detail.xhr.socialbankSequence = sent;
  });

  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    var sequence = event.detail.xhr ? event.detail.xhr.socialbankSequence : undefined;
    if (!target || !target.id || !sequence || !event.detail.shouldSwap) {
      return;
    }
    if (sequence < (newestSwapped[target.id] || 0)) {
      event.detail.shouldSwap = false;
      dropped += 1;
      document.body.setAttribute('data-stale-answers-dropped', String(dropped));
      return;
    }
    newestSwapped[target.id] = sequence;
  });
})();
