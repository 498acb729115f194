/* The bank's web chat: sends what the visitor types or taps, shows the bank's answers as they
   arrive (Server-Sent Events), and the history on reload. No framework; CSP allows only this file. */
(function () {
  'use strict';

  var log = document.getElementById('chat-log');
  var form = document.getElementById('chat-form');
  if (!log || !form) {
    return;
  }
  var input = document.getElementById('chat-text');
  var status = document.getElementById('chat-status');
  var csrf = form.querySelector('input[name=_csrf]').value;
  var seen = {};      // ids of stored messages already shown
  var mine = {};      // the visitor's own lines shown before the server stored them, by client id
  var last = 0;       // the newest stored message shown: where the stream starts
  var stream = null;
  var ended = false;  // the session ended: no stream any more, the page says so (reload to start again)
  var live = false;   // false while the history is drawn: its buttons are shown disabled (stale)
  var lastDay = null; // the day of the newest message shown, for day separators
  var typing = null;  // the "bank is answering" line while one of the visitor's messages waits
  var typingTimer = null;
  var lang = document.documentElement.lang || undefined;
  var zone = log.getAttribute('data-zone') || undefined; // the customer's chosen zone (issue 13), else the device's
  var timeFormat = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  var dayFormat = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: zone });
  if (lang === 'fa') { // the Solar Hijri calendar, as Iranians date things
    dayFormat = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric',
      timeZone: zone });
  }

  function uuid() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  /** A day separator when this message is of another day than the one before, in the reader's zone. */
  function dayOf(at) {
    var day = dayFormat.format(new Date(at));
    if (day !== lastDay) {
      lastDay = day;
      var sep = el('li', 'day', day);
      sep.setAttribute('role', 'separator');
      log.insertBefore(sep, typing && typing.parentNode === log ? typing : null);
    }
  }

  /** The time a message was stored, in the reader's own zone. */
  function stamp(li, at) {
    if (li && at) {
      var t = el('time', 'at', timeFormat.format(new Date(at)));
      t.dateTime = new Date(at).toISOString();
      li.appendChild(t);
    }
  }

  function showTyping() {
    if (!typing) {
      typing = el('li', 'msg bank typing');
      typing.setAttribute('aria-label', log.dataset.typing);
      typing.title = log.dataset.typing;
      typing.appendChild(el('span', 'dot'));
      typing.appendChild(el('span', 'dot'));
      typing.appendChild(el('span', 'dot'));
    }
    log.appendChild(typing);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, 20000); // no answer yet: stop pretending
    scrollDown();
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    if (typing && typing.parentNode) { typing.parentNode.removeChild(typing); }
  }

  function bankLine(text) {
    var li = el('li', 'msg bank', text);
    li.dir = 'auto';
    return li;
  }

  function render(m) {
    var c = m.message;
    if (m.at) { dayOf(m.at); }
    if (m.from === 'visitor') {
      var shown = c.clientId && mine[c.clientId];
      if (shown) {
        shown.classList.remove('pending', 'failed');
        if (!shown.querySelector('time')) { stamp(shown, m.at); }
        return;
      }
      var me = el('li', 'msg me', c.text);
      me.dir = 'auto';
      stamp(me, m.at);
      log.appendChild(me);
      return;
    }
    hideTyping();
    var before = log.lastElementChild;
    draw(c);
    if (log.lastElementChild !== before) { stamp(log.lastElementChild, m.at); }
  }

  function draw(c) {
    if (c.kind === 'text') {
      log.appendChild(bankLine(c.text));
    } else if (c.kind === 'buttons') {
      var li = bankLine(c.text);
      var chips = el('div', 'chips');
      c.buttons.forEach(function (b) {
        var chip = el('button', 'chip', b.label);
        chip.type = 'button';
        chip.disabled = !live; // a button from the history is stale: the bank would refuse it
        chip.addEventListener('click', function () {
          chips.querySelectorAll('button').forEach(function (x) { x.disabled = true; });
          send({ button: b.reference, label: b.label }, b.label);
        });
        chips.appendChild(chip);
      });
      li.appendChild(chips);
      log.appendChild(li);
    } else if (c.kind === 'link') {
      var line = bankLine(c.text);
      if (/^https?:\/\//.test(c.url)) {
        line.appendChild(document.createElement('br'));
        var a = el('a', 'link-button', c.label);
        a.href = c.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        if (c.url.indexOf('/claim/') >= 0 && log.dataset.share && c.label === log.dataset.share) {
          shareable(a, line, c.url); // the payer's claim link: one button that shares it
        }
        line.appendChild(a);
      }
      log.appendChild(line);
    } else if (c.kind === 'receipt') {
      var card = el('li', 'card');
      card.dir = 'auto';
      card.appendChild(el('h2', null, c.title));
      var ul = el('ul');
      (c.lines || []).forEach(function (l) { ul.appendChild(el('li', null, l)); });
      card.appendChild(ul);
      log.appendChild(card);
    } else if (c.kind === 'places') {
      var places = el('li', 'card');
      places.dir = 'auto';
      places.appendChild(el('h2', null, c.text));
      var list = el('ul');
      (c.places || []).forEach(function (p) {
        var item = el('li', null, p.name);
        if (p.detail) {
          item.appendChild(el('div', 'detail', p.detail));
        }
        list.appendChild(item);
      });
      places.appendChild(list);
      log.appendChild(places);
    } else if (c.kind === 'ask_phone') {
      log.appendChild(bankLine(c.text)); // a browser cannot vouch for a phone: the text says what to do
    }
  }

  /**
   * Issue 13 (P10): a claim link in the payer's chat is for someone else, so its one button shares
   * it (the phone's share sheet) or else copies it; where neither works the address is shown,
   * selected, for the phone's own copy.
   */
  function shareable(a, line, url) {
    a.classList.add('share-link');
    function shown() {
      var code = line.querySelector('code.claim-url') || line.appendChild(el('code', 'claim-url', url));
      var range = document.createRange();
      range.selectNodeContents(code);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    }
    a.addEventListener('click', function (e) {
      if (navigator.share) {
        e.preventDefault();
        navigator.share({ url: url }).catch(function () {});
      } else if (navigator.clipboard && navigator.clipboard.writeText) {
        e.preventDefault();
        navigator.clipboard.writeText(url).then(function () {
          a.textContent = log.dataset.copied;
          a.setAttribute('data-done', 'true');
        }, shown);
      } else {
        e.preventDefault();
        shown();
      }
    });
  }

  function accept(m) {
    if (seen[m.id]) {
      return;
    }
    seen[m.id] = true;
    last = Math.max(last, m.id);
    render(m);
    scrollDown();
  }

  function post(fields, li, tries) {
    if (tries === 1) { showTyping(); }
    var body = new URLSearchParams(fields);
    fetch(log.dataset.messages, {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'X-XSRF-TOKEN': csrf, 'Accept': 'application/json' }
    }).then(function (r) {
      if (r.ok) {
        li.classList.remove('pending');
        return;
      }
      if (r.status >= 500 && tries < 3) {
        setTimeout(function () { post(fields, li, tries + 1); }, 1000 * tries);
        return;
      }
      hideTyping();
      if (r.status === 429 || r.status === 401 || r.status === 400) {
        // the bank's own words: too fast, too long, or the session ended (reload to start again);
        // tapping again helps only after a 429's minute, so only a 429 keeps the tap to retry
        r.json().then(function (p) { failed(fields, li, p && p.detail, r.status === 429); },
          function () { failed(fields, li, null, r.status === 429); });
        return;
      }
      failed(fields, li, null, true);
    }).catch(function () {
      // the same id again: the bank answers a message once however often it arrives
      if (tries < 3) {
        setTimeout(function () { post(fields, li, tries + 1); }, 1000 * tries);
      } else {
        hideTyping();
        failed(fields, li, null, true);
      }
    });
  }

  function failed(fields, li, why, retryable) {
    li.classList.remove('pending');
    li.classList.add('failed');
    if (!li.querySelector('.failed-note')) {
      li.appendChild(el('span', 'failed-note', typeof why === 'string' ? why : log.dataset.failed));
    }
    if (!retryable) {
      li.classList.add('final');
      return;
    }
    li.addEventListener('click', function retry() {
      li.removeEventListener('click', retry);
      li.classList.remove('failed');
      li.classList.add('pending');
      var note = li.querySelector('.failed-note');
      if (note) { note.remove(); }
      post(fields, li, 1);
    });
  }

  function send(fields, shownText) {
    var id = uuid();
    fields.id = id;
    var li = el('li', 'msg me pending', shownText);
    li.dir = 'auto';
    mine[id] = li;
    log.appendChild(li);
    scrollDown();
    post(fields, li, 1);
  }

  function online(yes) {
    status.textContent = yes ? log.dataset.online : log.dataset.offline;
    status.classList.toggle('offline', !yes);
  }

  /** The session ended (unlinked, signed out, expired): say so in the bank's words, and stop. */
  function chatEnded(detail) {
    if (ended) { return; }
    ended = true;
    if (stream) { stream.close(); stream = null; }
    var why = typeof detail === 'string' && detail ? detail : log.dataset.offline;
    status.textContent = why;
    status.classList.add('offline');
    var li = el('li', 'msg bank ended', why);
    li.dir = 'auto';
    log.appendChild(li);
    scrollDown();
    input.disabled = true;
  }

  /** A refused stream: an ended session's refusal is read from the history's 401 (EventSource hides it). */
  function refused() {
    online(false);
    fetch(log.dataset.history, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) {
        if (r.status === 401) {
          return r.json().then(function (p) { chatEnded(p && p.detail); }, function () { chatEnded(null); });
        }
        setTimeout(connect, 3000); // refused (too many tabs, server restart): try again later
      }, function () { setTimeout(connect, 3000); });
  }

  function connect() {
    if (ended) { return; }
    if (stream) { stream.close(); }
    var source = stream = new EventSource(log.dataset.stream + '?after=' + last);
    source.addEventListener('open', function () { online(true); });
    source.addEventListener('message', function (e) { accept(JSON.parse(e.data)); });
    // the stream's last event when its session ended while it was open (review 2026-12-07)
    source.addEventListener('ended', function (e) {
      var p = null;
      try { p = JSON.parse(e.data); } catch (ignored) { /* the page's own words then */ }
      chatEnded(p && p.detail);
    });
    source.addEventListener('error', function () {
      if (source === stream && source.readyState === EventSource.CLOSED) {
        refused();
      }
    });
  }

  // signing in (in another tab) gives this browser a new session cookie: the open stream still
  // reads the old one, so come back to the chat with a fresh stream
  window.addEventListener('focus', connect);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') { connect(); }
  });
  log.addEventListener('click', function (e) {
    if (e.target && e.target.classList && e.target.classList.contains('link-button')) {
      var rounds = 0;
      var timer = setInterval(function () {
        rounds += 1;
        connect();
        if (rounds >= 60) { clearInterval(timer); }
      }, 5000);
    }
  });

  // the input does not cut a pasted text silently: the bank says it is too long
  input.removeAttribute('maxlength');

  // issue 13 (P10): "branches" asks where the visitor is; the pin sends it (the browser asks first)
  var locate = document.getElementById('chat-location');
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (p) {
        var label = locate.getAttribute('data-label') || '';
        send({ lat: p.coords.latitude.toFixed(5), lon: p.coords.longitude.toFixed(5), label: label },
          '\uD83D\uDCCD ' + label);
      }, function () { /* refused or unavailable: the visitor can still type a city */ },
      { maximumAge: 60000, timeout: 15000 });
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    send({ text: text }, text);
    input.focus();
  });

  fetch(log.dataset.history, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : { messages: [] }; })
    .then(function (h) { h.messages.forEach(accept); })
    .catch(function () { /* the stream still brings what comes next */ })
    .then(function () { live = true; connect(); });
}());
