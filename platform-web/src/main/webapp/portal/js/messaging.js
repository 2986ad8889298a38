/* Safe City portal: messaging screens. Public: the contact form (/portal/{city}/contact) which answers a tracking
   link, and the thread page behind it (/portal/{city}/track/{secret}). Staff (console): inbox, a matter with
   reply (public or internal), escalate, reassign, status. API: /api/cities/{city}/messaging/... */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;
  var t = SC.t;
  function enc(s) { return encodeURIComponent(s); }
  function base(slug) { return 'cities/' + enc(slug) + '/messaging/'; }
  function uuid() {
    var b = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  function categoryName(list, code) {
    var c = list.filter(function (x) { return x.code === code; })[0];
    return c ? (SC.lang === 'en' ? c.nameEn || c.nameCs : c.nameCs) : code;
  }
  function statusName(s) { return t('matter.status.' + s); }
  /** A field's problem (RFC 9457 with "field") next to the input that has it, else in the summary. */
  function showProblem(form, summary, err) {
    form.querySelectorAll('[aria-invalid]').forEach(function (x) { x.removeAttribute('aria-invalid'); });
    summary.textContent = SC.problemText(err);
    var field = err.problem && err.problem.field;
    var input = field ? form.querySelector('[data-field="' + field + '"]') : null;
    if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); } else { summary.focus(); }
  }

  /* ---- /portal/{city}/contact ---- */
  SC.route(function (seg) { return seg.length === 2 && seg[1] === 'contact' && seg[0] !== 'console'; }, function (view, seg) {
    var slug = seg[0];
    return Promise.all([SC.city(slug), SC.modules(slug)]).then(function (r) {
      var city = r[0];
      SC.cityModules = r[1];
      SC.chrome();
      if (!r[1].messaging) { SC.append(view, [h('h1', { text: t('contact.title') }), h('p', { text: t('contact.off') })]); return; }
      return Promise.all([SC.api(base(slug) + 'categories', { cache: true }),
        SC.api('cities/' + enc(slug) + '/districts', { cache: true }).catch(function () { return { districts: [] }; })])
        .then(function (x) { contactForm(view, slug, city, x[0].filter(function (c) { return c.active; }), x[1].districts); });
    });
  });

  function contactForm(view, slug, city, categories, districts) {
    var params = new URLSearchParams(location.search);
    var preset = params.get('district') || '';
    var point = params.get('lat') && params.get('lon') ? { lat: Number(params.get('lat')), lon: Number(params.get('lon')) } : null;
    var summary = h('p', { class: 'error', id: 'form-error', tabindex: '-1', 'aria-live': 'assertive' });
    var category = h('select', { id: 'category', name: 'category', required: true, 'data-field': 'category' },
      h('option', { value: '', text: t('contact.chooseCategory') }),
      categories.map(function (c) { return h('option', { value: c.code, text: categoryName(categories, c.code) }); }));
    var text = h('textarea', { id: 'text', name: 'text', rows: '7', cols: '60', required: true, maxlength: '4000',
      'data-field': 'text', 'aria-describedby': 'text-help' });
    var district = h('select', { id: 'district', name: 'district', 'data-field': 'district' },
      h('option', { value: '', text: t('contact.noDistrict') }),
      districts.slice().sort(function (a, b) { return a.name.localeCompare(b.name, SC.lang, { numeric: true }); })
        .map(function (d) { return h('option', { value: d.code, selected: d.code === preset, text: d.name }); }));
    var leadership = h('input', { type: 'checkbox', id: 'to-leadership', name: 'to' });
    var name = h('input', { id: 'contact-name', type: 'text', autocomplete: 'name', 'data-field': 'contact.name' });
    var email = h('input', { id: 'contact-email', type: 'email', autocomplete: 'email', 'data-field': 'contact.email' });
    var phone = h('input', { id: 'contact-phone', type: 'tel', autocomplete: 'tel', 'data-field': 'contact.phone' });
    var consent = h('input', { type: 'checkbox', id: 'consent', required: true, 'data-field': 'consent' });
    var key = uuid();
    var send = h('button', { type: 'submit', class: 'primary', id: 'send' }, t('contact.send'));
    var form = h('form', { id: 'contact-form', novalidate: true, onsubmit: function (e) {
      e.preventDefault();
      var body = { category: category.value, text: text.value, consent: consent.checked, locale: SC.lang };
      if (leadership.checked) { body.to = 'leadership'; } else if (point && district.value === preset && isFinite(point.lat)) {
        body.location = point; /* the place the citizen picked: messaging finds the district and a nearby boundary */
      } else if (district.value) { body.district = district.value; }
      if (name.value || email.value || phone.value) {
        body.contact = { name: name.value || null, email: email.value || null, phone: phone.value || null };
      }
      if (!category.value) { showProblem(form, summary, { problem: { detail: t('contact.categoryRequired'), field: 'category' } }); return; }
      if (!text.value.trim()) { showProblem(form, summary, { problem: { detail: t('contact.textRequired'), field: 'text' } }); return; }
      if (!leadership.checked && !district.value) {
        showProblem(form, summary, { problem: { detail: t('contact.districtRequired'), field: 'district' } });
        return;
      }
      if (!consent.checked) { showProblem(form, summary, { problem: { detail: t('contact.consentRequired'), field: 'consent' } }); return; }
      send.disabled = true;
      fetch('/api/' + base(slug) + 'matters', { method: 'POST', headers: { 'Content-Type': 'application/json',
        'Accept': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body) })
        .then(function (r) { return r.json().then(function (j) { if (!r.ok) { throw { status: r.status, problem: j }; } return j; }); })
        .then(function (m) {
          SC.go('/portal/' + enc(slug) + '/track/' + enc(m.trackingSecret) + '?new=1');
        }, function (err) { send.disabled = false; showProblem(form, summary, err); });
    } },
    summary,
    h('label', { for: 'category', text: t('contact.category') }), category,
    h('label', { for: 'text', text: t('contact.text') }), text,
    h('p', { id: 'text-help', class: 'help', text: t('contact.textHelp') }),
    h('fieldset', null, h('legend', { text: t('contact.to') }),
      h('label', { for: 'district', text: t('contact.district') }), district,
      h('p', null, leadership, ' ', h('label', { for: 'to-leadership', class: 'inline-label', text: t('contact.toLeadership') }))),
    h('fieldset', null, h('legend', { text: t('contact.contact') }),
      h('p', { class: 'help', text: t('contact.contactHelp') }),
      h('label', { for: 'contact-name', text: t('contact.name') }), name,
      h('label', { for: 'contact-email', text: t('contact.email') }), email,
      h('label', { for: 'contact-phone', text: t('contact.phone') }), phone),
    h('p', null, consent, ' ', h('label', { for: 'consent', class: 'inline-label', text: t('contact.consent') })),
    h('p', null, send));
    SC.append(view, [h('h1', { text: t('contact.title') }), h('p', { class: 'lead', text: t('contact.intro', { city: city.name }) }),
      h('p', { text: t('contact.emergency') }), form]);
  }

  /* ---- /portal/{city}/track/{secret} : the citizen's thread ---- */
  SC.route(function (seg) { return seg.length === 3 && seg[1] === 'track' && seg[0] !== 'console'; }, function (view, seg) {
    var slug = seg[0];
    var secret = seg[2];
    var path = base(slug) + 'tracking/' + enc(secret);
    return Promise.all([SC.city(slug), SC.modules(slug), SC.api(path),
      SC.api(base(slug) + 'categories', { cache: true }).catch(function () { return []; }),
      SC.api(base(slug) + 'ladder', { cache: true }).catch(function () { return []; })]).then(function (r) {
      var city = r[0];
      var m = r[2];
      SC.cityModules = r[1];
      SC.chrome();
      var fresh = new URLSearchParams(location.search).get('new');
      SC.append(view, [
        h('h1', { text: t('thread.title', { id: m.id }) }),
        fresh ? h('div', { class: 'result', id: 'submitted' },
          h('p', { class: 'ok', text: t('thread.submitted') }),
          h('p', null, t('thread.keepLink') + ' ', h('a', { id: 'tracking-link', href: location.pathname, text: location.origin + location.pathname }))) : null,
        matterFacts(m, r[3], r[4], city),
        h('h2', { text: t('thread.messages') }),
        threadList(m.thread, city, true)
      ]);
      if (m.canMove && m.neighbours && m.neighbours.length) {
        view.appendChild(moveForm(slug, path, m));
      }
      if (m.status !== 'closed') { view.appendChild(citizenReply(path)); }
    });
  });

  /* ---- /portal/{city}/track/{secret}/confirm/{confirm} : the single-use link of the confirmation mail ----
     The page confirms through the API once; the outcome is kept for the page's life, so that a re-rendering (the
     language switch) shows it again instead of asking the API a second time (a used link answers 404). */
  var confirmed = {};
  SC.route(function (seg) { return seg.length === 5 && seg[1] === 'track' && seg[3] === 'confirm' && seg[0] !== 'console'; },
    function (view, seg) {
      var slug = seg[0];
      var track = '/portal/' + enc(slug) + '/track/' + enc(seg[2]);
      var key = seg[2] + '/' + seg[4];
      return Promise.all([SC.city(slug), SC.modules(slug)]).then(function (r) {
        SC.cityModules = r[1];
        SC.chrome();
        if (!confirmed[key]) {
          confirmed[key] = SC.api(base(slug) + 'tracking/' + enc(seg[2]) + '/confirm/' + enc(seg[4]), { token: false })
            .then(function () { return { ok: true }; }, function (err) { return { ok: false, err: err }; });
        }
        return confirmed[key].then(function (res) {
          SC.append(view, [h('h1', { text: t(res.ok ? 'confirm.title' : 'confirm.failedTitle') }),
            h('p', { class: res.ok ? 'ok' : 'error', id: 'confirm-result', text: res.ok ? t('confirm.done', { city: r[0].name })
              : res.err.status === 404 ? t('confirm.unknown') : SC.problemText(res.err) }),
            h('p', null, h('a', { href: track, id: 'confirm-thread', text: t('confirm.toThread') }))]);
        });
      });
    });

  function matterFacts(m, categories, ladder, city) {
    var facts = h('dl', { class: 'facts' },
      h('dt', { text: t('thread.category') }), h('dd', { text: categoryName(categories, m.category) }),
      h('dt', { text: t('thread.status') }), h('dd', { id: 'matter-status', text: statusName(m.status) }),
      h('dt', { text: t('thread.addressee') }), h('dd', { text: m.district ? m.district.name || m.district.code : m.addressee || '–' }),
      h('dt', { text: t('thread.owner') }), h('dd', { id: 'matter-owner', text: m.owner ? m.owner.name + ', ' + SC.roleName(m.owner.role) : t('thread.noOwner') }),
      h('dt', { text: t('thread.due') }), h('dd', { text: m.dueAt ? SC.dateTime(m.dueAt, city.timeZone) : '–' }),
      m.meeting ? h('dt', { text: t('thread.meeting') }) : null,
      m.meeting ? h('dd', { text: m.meeting.body + ', ' + SC.dateTime(m.meeting.start, city.timeZone) }) : null);
    var box = h('div', null, facts);
    if (ladder.length) {
      box.appendChild(h('h2', { text: t('thread.ladder') }));
      box.appendChild(h('ol', { class: 'ladder', id: 'ladder' }, ladder.map(function (l) {
        var here = m.level && m.level.key === l.key;
        return h('li', here ? { 'aria-current': 'step', class: 'current' } : null, l.name,
          here ? ' – ' + t('thread.hereNow') : '');
      })));
    }
    box.appendChild(h('p', null, t('thread.original') + ': ', h('span', { class: 'quote', text: m.text })));
    return box;
  }

  function threadList(entries, city, citizenView) {
    var list = (entries || []).filter(function (e) { return !citizenView || e.kind !== 'note'; });
    if (!list.length) { return h('p', { id: 'thread', text: t('thread.empty') }); }
    return h('ol', { class: 'thread', id: 'thread' }, list.map(function (e) {
      var official = e.kind === 'reply' || e.kind === 'note';
      return h('li', { class: (official ? 'official ' : '') + (e.kind === 'note' ? 'internal' : '') },
        h('p', { class: 'who', text: e.kind === 'citizen' ? t('thread.you')
          : e.kind === 'event' ? t('thread.system')
          : (e.authorName || '') + (e.authorRole ? ', ' + SC.roleName(e.authorRole) : '') + (e.kind === 'note' ? ' – ' + t('thread.internal') : '') }),
        h('p', { class: 'when', text: SC.dateTime(e.createdAt, city.timeZone) }),
        h('p', { class: 'text', text: e.text }));
    }));
  }
  SC.threadList = threadList;

  function citizenReply(path) {
    var text = h('textarea', { id: 'reply-text', rows: '4', cols: '60', maxlength: '4000', 'data-field': 'text' });
    var summary = h('p', { class: 'error', tabindex: '-1' });
    var form = h('form', { id: 'reply-form', onsubmit: function (e) {
      e.preventDefault();
      if (!text.value.trim()) { showProblem(form, summary, { problem: { detail: t('contact.textRequired'), field: 'text' } }); return; }
      SC.api(path + '/replies', { method: 'POST', body: { text: text.value }, token: false })
        .then(function () { SC.render(true); }, function (err) { showProblem(form, summary, err); });
    } }, h('h2', { text: t('thread.reply') }), summary, h('label', { for: 'reply-text', text: t('thread.replyText') }), text,
    h('p', null, h('button', { type: 'submit', class: 'primary' }, t('thread.sendReply'))));
    return form;
  }

  function moveForm(slug, path, m) {
    var box = h('section', { 'aria-labelledby': 'move-h' }, h('h2', { id: 'move-h', text: t('thread.move') }),
      h('p', { text: t('thread.moveHelp') }));
    m.neighbours.forEach(function (n) {
      box.appendChild(h('button', { type: 'button', onclick: function () {
        SC.api(path + '/district', { method: 'POST', body: { district: n.code }, token: false }).then(function () { SC.render(true); },
          function (err) { SC.announce(SC.problemText(err)); });
      } }, t('thread.moveTo', { district: n.name || n.code })));
    });
    return box;
  }

  /* ---- staff: inbox and matter ---- */
  var STAFF = ['city-admin', 'police-officer', 'constable', 'councillor'];
  SC.consoleScreens.push({
    id: 'inbox', title: 'inbox.title',
    offered: function (roles, modules) { return modules.messaging && SC.has(roles, STAFF); },
    render: function (view, slug, ctx) {
      var q = new URLSearchParams(location.search);
      var id = q.get('matter');
      if (id) { return staffMatter(view, slug, ctx, id); }
      var status = q.get('status') || 'new,acknowledged,in-progress';
      return Promise.all([SC.api(base(slug) + 'matters?limit=100&status=' + enc(status)),
        SC.api(base(slug) + 'categories', { cache: true }).catch(function () { return []; })]).then(function (r) {
        var items = r[0].items;
        view.appendChild(h('h1', { text: t('inbox.title') }));
        var filter = h('select', { id: 'status-filter', onchange: function () {
          SC.go('/portal/console/' + enc(slug) + '/inbox?status=' + enc(filter.value));
        } }, ['new,acknowledged,in-progress', 'answered', 'closed'].map(function (s) {
          return h('option', { value: s, selected: s === status, text: s.split(',').map(statusName).join(', ') });
        }));
        view.appendChild(h('p', null, h('label', { for: 'status-filter', text: t('inbox.filter') }), filter));
        if (!items.length) { view.appendChild(h('p', { text: t('inbox.empty') })); return; }
        view.appendChild(h('div', { class: 'table-wrap', tabindex: '0' }, h('table', { id: 'inbox' },
          h('caption', { class: 'visually-hidden', text: t('inbox.title') }),
          h('thead', null, h('tr', null, ['inbox.matter', 'inbox.category', 'inbox.district', 'inbox.status', 'inbox.level',
            'inbox.due'].map(function (k) { return h('th', { scope: 'col', text: t(k) }); }))),
          h('tbody', null, items.map(function (m) {
            return h('tr', m.overdue ? { class: 'overdue' } : null,
              h('td', null, SC.link('console/' + enc(slug) + '/inbox?matter=' + m.id, '#' + m.id + ' ' + m.excerpt, { 'data-matter': String(m.id) })),
              h('td', { text: categoryName(r[1], m.category) }),
              h('td', { text: m.district ? m.district.name || m.district.code : m.addressee || '–' }),
              h('td', { text: statusName(m.status) + (m.overdue ? ' – ' + t('inbox.overdue') : '') }),
              h('td', { text: m.level ? m.level.name : '–' }),
              h('td', { text: SC.dateTime(m.status === 'new' ? m.ackDueAt : m.answerDueAt, ctx.city.timeZone) }));
          })))));
      });
    }
  });

  function staffMatter(view, slug, ctx, id) {
    var path = base(slug) + 'matters/' + enc(id);
    return Promise.all([SC.api(path), SC.api(base(slug) + 'categories', { cache: true }).catch(function () { return []; })])
      .then(function (r) {
        var m = r[0];
        var out = h('p', { id: 'action-status', 'aria-live': 'polite' });
        function act(sub, body) {
          return SC.api(path + '/' + sub, { method: 'POST', body: body }).then(function () {
            SC.render(true);
          }, function (err) { out.textContent = SC.problemText(err); out.className = 'error'; });
        }
        SC.append(view, [
          h('p', null, SC.link('console/' + enc(slug) + '/inbox', t('inbox.back'))),
          h('h1', { text: t('thread.title', { id: m.id }) }),
          h('dl', { class: 'facts' },
            h('dt', { text: t('thread.category') }), h('dd', { text: categoryName(r[1], m.category) }),
            h('dt', { text: t('thread.status') }), h('dd', { id: 'matter-status', text: statusName(m.status) }),
            h('dt', { text: t('thread.addressee') }), h('dd', { text: m.district ? m.district.name || m.district.code : m.addressee || '–' }),
            h('dt', { text: t('inbox.level') }), h('dd', { text: m.level ? m.level.name : '–' }),
            h('dt', { text: t('thread.owner') }), h('dd', { text: m.owner ? m.owner.name + ', ' + SC.roleName(m.owner.role) : t('thread.noOwner') }),
            h('dt', { text: t('thread.due') }), h('dd', { text: SC.dateTime(m.status === 'new' ? m.ackDueAt : m.answerDueAt, ctx.city.timeZone) }),
            h('dt', { text: t('inbox.contact') }), h('dd', { text: m.contact ? [m.contact.name, m.contact.email, m.contact.phone].filter(Boolean).join(', ') : '–' })),
          h('p', { class: 'quote', text: m.text }),
          out,
          h('h2', { text: t('thread.messages') }),
          threadList(m.thread, ctx.city, false)
        ]);
        if (m.status === 'closed') { return; }
        var text = h('textarea', { id: 'staff-reply', rows: '5', cols: '60', maxlength: '4000' });
        var internal = h('input', { type: 'checkbox', id: 'internal' });
        view.appendChild(h('form', { id: 'staff-reply-form', onsubmit: function (e) {
          e.preventDefault();
          act('replies', { text: text.value, internal: internal.checked });
        } }, h('h2', { text: t('inbox.reply') }), h('label', { for: 'staff-reply', text: t('inbox.replyText') }), text,
        h('p', null, internal, ' ', h('label', { for: 'internal', class: 'inline-label', text: t('inbox.internal') })),
        h('p', null, h('button', { type: 'submit', class: 'primary', id: 'send-reply' }, t('inbox.send')))));
        var reason = h('input', { id: 'escalate-reason', type: 'text', size: '50' });
        view.appendChild(h('form', { id: 'escalate-form', onsubmit: function (e) {
          e.preventDefault();
          act('escalate', { reason: reason.value });
        } }, h('h2', { text: t('inbox.escalate') }), h('label', { for: 'escalate-reason', text: t('inbox.reason') }), reason,
        h('p', null, h('button', { type: 'submit' }, t('inbox.escalate')))));
        var to = h('input', { id: 'reassign-district', type: 'text', size: '12' });
        var why = h('input', { id: 'reassign-reason', type: 'text', size: '50' });
        view.appendChild(h('form', { id: 'reassign-form', onsubmit: function (e) {
          e.preventDefault();
          act('reassign', { district: to.value, reason: why.value });
        } }, h('h2', { text: t('inbox.reassign') }), h('label', { for: 'reassign-district', text: t('inbox.reassignTo') }), to,
        h('label', { for: 'reassign-reason', text: t('inbox.reason') }), why,
        h('p', null, h('button', { type: 'submit' }, t('inbox.reassign')))));
        var st = h('select', { id: 'new-status' }, ['acknowledged', 'in-progress', 'answered', 'closed'].map(function (s) {
          return h('option', { value: s, text: statusName(s) });
        }));
        view.appendChild(h('form', { id: 'status-form', onsubmit: function (e) {
          e.preventDefault();
          act('status', { status: st.value });
        } }, h('h2', { text: t('inbox.changeStatus') }), h('label', { for: 'new-status', text: t('thread.status') }), st,
        h('p', null, h('button', { type: 'submit' }, t('console.save')))));
      });
  }
})();
