/* Safe City portal: staff console screens of the events module: bodies and their meetings (agenda, minutes,
   held), and measures with effectiveness reviews. API: /api/cities/{city}/bodies…, /api/cities/{city}/measures… */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;
  var t = SC.t;
  function enc(s) { return encodeURIComponent(s); }
  var STAFF = ['city-admin', 'police-officer', 'constable', 'councillor'];
  function isoDate(d) { return d.toISOString().substring(0, 10); }

  function formStatus() { return h('p', { class: 'form-status', 'aria-live': 'polite' }); }
  function fail(out) { return function (err) { out.className = 'error'; out.textContent = SC.problemText(err); }; }

  SC.consoleScreens.push({
    id: 'meetings', title: 'meetings.console',
    offered: function (roles, modules) { return modules.events && SC.has(roles, STAFF); },
    render: function (view, slug, ctx) {
      var q = new URLSearchParams(location.search);
      var base = 'cities/' + enc(slug) + '/bodies';
      var here = '/portal/console/' + enc(slug) + '/meetings';
      if (q.get('body') && q.get('rid')) { return meeting(view, slug, ctx, q.get('body'), q.get('rid'), here); }
      if (q.get('body')) {
        var from = new Date();
        var to = new Date(Date.now() + 120 * 86400000);
        return Promise.all([SC.api(base + '/' + enc(q.get('body'))),
          SC.api(base + '/' + enc(q.get('body')) + '/occurrences?from=' + isoDate(from) + '&to=' + isoDate(to))])
          .then(function (r) {
            var body = r[0];
            SC.append(view, [h('p', null, SC.link('console/' + enc(slug) + '/meetings', t('meetings.bodies'))),
              h('h1', { text: body.name }),
              body.location ? h('p', { text: body.location }) : null,
              h('h2', { text: t('meetings.upcoming') }),
              r[1].length ? h('ul', { id: 'occurrences' }, r[1].map(function (o) {
                return h('li', null, h('a', { href: here + '?body=' + body.id + '&rid=' + enc(o.recurrenceId),
                  text: SC.dateTime(o.start, ctx.city.timeZone) }), ' – ', t('occurrence.' + o.status));
              })) : h('p', { text: t('meetings.noOccurrences') }),
              h('h2', { text: t('meetings.members') }),
              h('ul', null, (body.members || []).filter(function (m) { return !m.validTo; }).map(function (m) {
                return h('li', { text: m.name + (m.role ? ', ' + SC.roleName(m.role) : '') + (m.institution ? ' (' + m.institution + ')' : '') });
              }))]);
          });
      }
      return SC.api(base).then(function (bodies) {
        SC.append(view, [h('h1', { text: t('meetings.console') }),
          bodies.length ? h('ul', { id: 'bodies' }, bodies.map(function (b) {
            return h('li', null, h('a', { href: here + '?body=' + b.id, text: b.name }),
              b.scopeCode ? ' (' + b.scopeCode + ')' : '');
          })) : h('p', { text: t('meetings.noBodies') })]);
      });
    }
  });

  function meeting(view, slug, ctx, bodyId, rid, here) {
    var path = 'cities/' + enc(slug) + '/bodies/' + enc(bodyId) + '/occurrences/' + enc(rid);
    return SC.api(path).then(function (m) {
      var out = formStatus();
      function post(sub, body, method) {
        return SC.api(path + '/' + sub, { method: method || 'POST', body: body || {} }).then(function () { SC.render(true); }, fail(out));
      }
      var title = h('input', { id: 'agenda-title', type: 'text', size: '50' });
      var desc = h('textarea', { id: 'agenda-description', rows: '3' });
      var minutes = h('textarea', { id: 'minutes', rows: '8' });
      minutes.value = m.minutes || '';
      var published = h('input', { type: 'checkbox', id: 'minutes-published', checked: m.published });
      SC.append(view, [
        h('p', null, h('a', { href: here + '?body=' + bodyId, text: m.bodyName })),
        h('h1', { text: m.bodyName + ': ' + SC.dateTime(m.occurrence.start, ctx.city.timeZone) }),
        h('p', { id: 'occurrence-status', text: t('occurrence.' + m.occurrence.status) }), out,
        h('h2', { text: t('meetings.agenda') }),
        m.agenda.length ? h('ol', { id: 'agenda' }, m.agenda.map(function (a) {
          return h('li', null, h('strong', { text: a.title }), a.description ? ' – ' + a.description : '',
            a.matterId ? [' ', SC.link('console/' + enc(slug) + '/inbox?matter=' + a.matterId, t('meetings.matter', { id: a.matterId }))] : null);
        })) : h('p', { text: t('meetings.noAgenda') }),
        h('form', { id: 'agenda-form', onsubmit: function (e) { e.preventDefault(); post('agenda', { title: title.value, description: desc.value || null }); } },
          h('h3', { text: t('meetings.addItem') }),
          h('label', { for: 'agenda-title', text: t('meetings.itemTitle') }), title,
          h('label', { for: 'agenda-description', text: t('meetings.itemDescription') }), desc,
          h('p', null, h('button', { type: 'submit' }, t('meetings.add')))),
        h('form', { id: 'minutes-form', onsubmit: function (e) {
          e.preventDefault();
          post('minutes', { text: minutes.value, published: published.checked }, 'PUT');
        } }, h('h2', { text: t('meetings.minutes') }),
          h('label', { for: 'minutes', text: t('meetings.minutesText') }), minutes,
          h('p', null, published, ' ', h('label', { for: 'minutes-published', class: 'inline-label', text: t('meetings.publish') })),
          h('p', null, h('button', { type: 'submit' }, t('console.save')))),
        m.occurrence.status !== 'held' ? h('p', null, h('button', { type: 'button', id: 'mark-held', onclick: function () { post('held'); } },
          t('meetings.markHeld'))) : null,
        m.decisions && m.decisions.length ? h('h2', { text: t('meetings.decisions') }) : null,
        m.decisions && m.decisions.length ? h('ul', null, m.decisions.map(function (d) {
          return h('li', { text: d.text + (d.measureId ? ' (' + t('measures.one', { id: d.measureId }) + ')' : '') });
        })) : null
      ]);
    });
  }

  SC.consoleScreens.push({
    id: 'measures', title: 'measures.title',
    offered: function (roles, modules) { return modules.events && SC.has(roles, STAFF); },
    render: function (view, slug) {
      var base = 'cities/' + enc(slug) + '/measures';
      return SC.api(base).then(function (list) {
        var out = formStatus();
        var f = {
          title: h('input', { id: 'm-title', type: 'text', size: '50' }),
          description: h('textarea', { id: 'm-description', rows: '3' }),
          district: h('input', { id: 'm-district', type: 'text', size: '12' }),
          owner: h('input', { id: 'm-owner', type: 'text', size: '40' }),
          deadline: h('input', { id: 'm-deadline', type: 'date' })
        };
        SC.append(view, [h('h1', { text: t('measures.title') }), out,
          SC.table([t('measures.measure'), t('stats.district'), t('measures.owner'), t('measures.deadline'), t('measures.status')],
            list.map(function (m) {
              return [m.title, m.district || '–', m.owner, SC.date(m.deadline),
                t('measure.' + m.status) + (m.overdue ? ' – ' + t('inbox.overdue') : '')];
            })),
          h('form', { id: 'measure-form', onsubmit: function (e) {
            e.preventDefault();
            SC.api(base, { method: 'POST', body: { title: f.title.value, description: f.description.value || null,
              district: f.district.value || null, owner: f.owner.value, deadline: f.deadline.value || null } })
              .then(function () { SC.render(true); }, fail(out));
          } }, h('h2', { text: t('measures.new') }),
          h('label', { for: 'm-title', text: t('measures.measure') }), f.title,
          h('label', { for: 'm-description', text: t('meetings.itemDescription') }), f.description,
          h('label', { for: 'm-district', text: t('inbox.reassignTo') }), f.district,
          h('label', { for: 'm-owner', text: t('measures.owner') }), f.owner,
          h('label', { for: 'm-deadline', text: t('measures.deadline') }), f.deadline,
          h('p', null, h('button', { type: 'submit' }, t('meetings.add')))),
          list.length ? reviewForm(base, list, out) : null]);
      });
    }
  });

  function reviewForm(base, list, out) {
    var which = h('select', { id: 'r-measure' }, list.map(function (m) { return h('option', { value: String(m.id), text: m.title }); }));
    var rating = h('select', { id: 'r-rating' }, [1, 2, 3, 4, 5].map(function (n) {
      return h('option', { value: String(n), text: n + ' – ' + t('measures.rating' + n) });
    }));
    var note = h('textarea', { id: 'r-note', rows: '3' });
    return h('form', { id: 'review-form', onsubmit: function (e) {
      e.preventDefault();
      SC.api(base + '/' + which.value + '/reviews', { method: 'POST', body: { rating: Number(rating.value), note: note.value || null } })
        .then(function () { out.className = 'ok'; out.textContent = t('console.saved'); }, fail(out));
    } }, h('h2', { text: t('measures.review') }),
    h('label', { for: 'r-measure', text: t('measures.measure') }), which,
    h('label', { for: 'r-rating', text: t('measures.rating') }), rating,
    h('label', { for: 'r-note', text: t('measures.note') }), note,
    h('p', null, h('button', { type: 'submit' }, t('console.save'))));
  }
})();
