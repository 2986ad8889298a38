/* Safe City portal: public meetings (events module) on the city home and the district card, with registration.
   API: GET /api/cities/{city}/public-meetings[?district=], POST …/public-meetings/{id}/registrations. */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;
  var t = SC.t;
  function enc(s) { return encodeURIComponent(s); }

  function meetingsSection(slug, city, district) {
    var box = h('section', { 'aria-labelledby': 'meetings-h', class: 'no-print' },
      h('h2', { id: 'meetings-h', text: t('meetings.title') }));
    SC.api('cities/' + enc(slug) + '/public-meetings' + (district ? '?district=' + enc(district) : ''))
      .then(function (list) {
        list = (list || []).filter(function (m) { return m.status !== 'cancelled'; });
        if (!list.length) { box.appendChild(h('p', { text: t('meetings.none') })); return; }
        box.appendChild(h('ul', { class: 'meetings' }, list.slice(0, 10).map(function (m) {
          return h('li', null, h('h3', { text: m.title }),
            h('p', { text: SC.dateTime(m.start, city.timeZone) + (m.place ? ' · ' + m.place : '') }),
            m.agenda ? h('p', { class: 'quote', text: m.agenda }) : null,
            m.capacity ? h('p', { text: t('meetings.seats', { n: SC.num(m.seatsLeft) }) }) : null,
            m.status === 'planned' || m.status === 'announced' || !m.status ? registration(slug, m) : null);
        })));
      }, function () { box.appendChild(h('p', { text: t('meetings.none') })); });
    return box;
  }

  function registration(slug, m) {
    var id = 'reg-' + m.id;
    var name = h('input', { id: id + '-name', type: 'text', autocomplete: 'name', required: true });
    var email = h('input', { id: id + '-email', type: 'email', autocomplete: 'email', required: true });
    var out = h('p', { 'aria-live': 'polite' });
    return h('details', null, h('summary', { text: t('meetings.register') }),
      h('form', { onsubmit: function (e) {
        e.preventDefault();
        SC.api('cities/' + enc(slug) + '/public-meetings/' + m.id + '/registrations', { method: 'POST', token: false,
          body: { name: name.value, email: email.value } }).then(function (r) {
          out.className = 'ok';
          out.textContent = r.status === 'waitlisted' ? t('meetings.waitlisted', { n: r.waitlistPosition }) : t('meetings.registered');
        }, function (err) { out.className = 'error'; out.textContent = SC.problemText(err); });
      } },
      h('label', { for: id + '-name', text: t('contact.name') }), name,
      h('label', { for: id + '-email', text: t('contact.email') }), email,
      h('p', null, h('button', { type: 'submit' }, t('meetings.registerButton'))), out));
  }

  SC.homeExtras = SC.homeExtras || [];
  SC.homeExtras.push(function (view, city, modules) {
    if (modules.events) { view.appendChild(meetingsSection(city.slug, city, null)); }
  });
  SC.cardExtras = SC.cardExtras || [];
  SC.cardExtras.push(function (card, city, d, modules) {
    if (modules.events) { card.appendChild(meetingsSection(city.slug, city, d.code)); }
  });
})();
