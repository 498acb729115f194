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

  function bankLine(text) {
    var li = el('li', 'msg bank', text);
    li.dir = 'auto';
    return li;
  }

  function render(m) {
    var c = m.message;
    if (m.from === 'visitor') {
      var shown = c.clientId && mine[c.clientId];
      if (shown) {
        shown.classList.remove('pending', 'failed');
        return;
      }
      var me = el('li', 'msg me', c.text);
      me.dir = 'auto';
      log.appendChild(me);
      return;
    }
    if (c.kind === 'text') {
      log.appendChild(bankLine(c.text));
    } else if (c.kind === 'buttons') {
      var li = bankLine(c.text);
      var chips = el('div', 'chips');
      c.buttons.forEach(function (b) {
        var chip = el('button', 'chip', b.label);
        chip.type = 'button';
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
      if (r.status === 429 || r.status === 401) {
        // the bank's own words: too many messages, or the session ended (reload to start again)
        r.json().then(function (p) { failed(fields, li, p && p.detail); }, function () { failed(fields, li); });
        return;
      }
      failed(fields, li);
    }).catch(function () {
      // the same id again: the bank answers a message once however often it arrives
      if (tries < 3) {
        setTimeout(function () { post(fields, li, tries + 1); }, 1000 * tries);
      } else {
        failed(fields, li);
      }
    });
  }

  function failed(fields, li, why) {
    li.classList.remove('pending');
    li.classList.add('failed');
    if (!li.querySelector('.failed-note')) {
      li.appendChild(el('span', 'failed-note', typeof why === 'string' ? why : log.dataset.failed));
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

  function connect() {
    if (stream) { stream.close(); }
    stream = new EventSource(log.dataset.stream + '?after=' + last);
    stream.addEventListener('open', function () { online(true); });
    stream.addEventListener('message', function (e) { accept(JSON.parse(e.data)); });
    stream.addEventListener('error', function () {
      if (stream.readyState === EventSource.CLOSED) {
        online(false);
        setTimeout(connect, 3000); // refused (too many tabs, server restart): try again later
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
    .then(connect);
}());
