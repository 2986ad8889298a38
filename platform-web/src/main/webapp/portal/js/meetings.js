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
        var from = new Date(Date.now() - 92 * 86400000);
        var to = new Date(Date.now() + 120 * 86400000);
        return Promise.all([SC.api(base + '/' + enc(q.get('body'))),
          SC.api(base + '/' + enc(q.get('body')) + '/occurrences?from=' + isoDate(from) + '&to=' + isoDate(to))])
          .then(function (r) {
            var body = r[0];
            var now = Date.now();
            function list(id, items, none) {
              return items.length ? h('ul', { id: id }, items.map(function (o) {
                return h('li', null, h('a', { href: here + '?body=' + body.id + '&rid=' + enc(o.recurrenceId),
                  text: SC.dateTime(o.start, ctx.city.timeZone) }), ' – ', t('occurrence.' + o.status));
              })) : h('p', { text: t(none) });
            }
            var past = r[1].filter(function (o) { return new Date(o.start).getTime() <= now; }).reverse();
            var coming = r[1].filter(function (o) { return new Date(o.start).getTime() > now; });
            SC.append(view, [h('p', null, SC.link('console/' + enc(slug) + '/meetings', t('meetings.bodies'))),
              h('h1', { text: body.name }),
              body.location ? h('p', { text: body.location }) : null,
              h('h2', { text: t('meetings.upcoming') }), list('occurrences', coming, 'meetings.noOccurrences'),
              h('h2', { text: t('meetings.recent') }), list('past-occurrences', past, 'meetings.noPast'),
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

  /** A message shown once on the next rendering (after a write re-renders the page). */
  var flash = null;
  function flashed(out) {
    if (flash) { out.className = 'ok'; out.textContent = flash; SC.announce(flash); flash = null; }
    return out;
  }
  /** Splits an ISO start with offset ("2027-01-07T17:00:00+01:00") into its local date and time as written. */
  function localParts(iso) {
    var m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso || '');
    return m ? { date: m[1], time: m[2] } : { date: '', time: '' };
  }
  function minutesBetween(a, b) { return Math.round((new Date(b) - new Date(a)) / 60000); }

  function meeting(view, slug, ctx, bodyId, rid, here) {
    var path = 'cities/' + enc(slug) + '/bodies/' + enc(bodyId) + '/occurrences/' + enc(rid);
    return Promise.all([SC.api(path), SC.api('cities/' + enc(slug) + '/bodies/' + enc(bodyId)),
      SC.api('cities/' + enc(slug) + '/measures').catch(function () { return []; })]).then(function (r) {
      var m = r[0];
      var body = r[1];
      var measures = r[2];
      var o = m.occurrence;
      var zone = ctx.city.timeZone;
      var out = flashed(h('p', { class: 'form-status', id: 'meeting-status', 'aria-live': 'polite', tabindex: '-1' }));
      function post(sub, payload, method, done) {
        return SC.api(path + '/' + sub, { method: method || 'POST', body: payload || {} }).then(function () {
          flash = done || t('console.saved');
          SC.render(true);
        }, function (err) { fail(out)(err); out.focus(); });
      }
      var open = o.status !== 'cancelled' && o.status !== 'held';
      var title = h('input', { id: 'agenda-title', type: 'text', size: '50' });
      var desc = h('textarea', { id: 'agenda-description', rows: '3' });
      var minutes = h('textarea', { id: 'minutes', rows: '8' });
      minutes.value = m.minutes || '';
      var published = h('input', { type: 'checkbox', id: 'minutes-published', checked: m.published });
      SC.append(view, [
        h('p', null, h('a', { href: here + '?body=' + bodyId, text: m.bodyName })),
        h('h1', { text: m.bodyName + ': ' + SC.dateTime(o.start, zone) }),
        h('dl', { class: 'facts' },
          h('dt', { text: t('meetings.state') }), h('dd', { id: 'occurrence-status', text: t('occurrence.' + o.status) }),
          h('dt', { text: t('meetings.when') }), h('dd', { id: 'occurrence-when', text: SC.dateTime(o.start, zone) + ' – '
            + SC.dateTime(o.end, zone) }),
          o.originalStart ? h('dt', { text: t('meetings.originally') }) : null,
          o.originalStart ? h('dd', { text: SC.dateTime(o.originalStart, zone) }) : null,
          o.location || body.location ? h('dt', { text: t('bodies.location') }) : null,
          o.location || body.location ? h('dd', { text: o.location || body.location }) : null,
          o.cancelReason ? h('dt', { text: t('meetings.cancelReason') }) : null,
          o.cancelReason ? h('dd', { id: 'cancel-reason', text: o.cancelReason }) : null),
        out,
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
        attendanceForm(m, body, post),
        decisionsSection(m, measures, post),
        h('form', { id: 'minutes-form', onsubmit: function (e) {
          e.preventDefault();
          post('minutes', { text: minutes.value, published: published.checked }, 'PUT');
        } }, h('h2', { text: t('meetings.minutes') }),
          h('label', { for: 'minutes', text: t('meetings.minutesText') }), minutes,
          h('p', null, published, ' ', h('label', { for: 'minutes-published', class: 'inline-label', text: t('meetings.publish') })),
          h('p', null, h('button', { type: 'submit' }, t('console.save')))),
        open ? h('section', { 'aria-labelledby': 'occurrence-h' }, h('h2', { id: 'occurrence-h', text: t('meetings.occurrence') }),
          h('p', null, h('button', { type: 'button', id: 'mark-held', onclick: function () { post('held', {}, 'POST', t('meetings.heldDone')); } },
            t('meetings.markHeld'))),
          moveForm(o, body, zone, post), cancelForm(post)) : null
      ]);
    });
  }

  /** Named attendance: the recorded list, or else the body's current members; rows can be added. */
  function attendanceForm(m, body, post) {
    var rows = (m.attendance && m.attendance.length ? m.attendance : (body.members || []).filter(function (x) { return !x.validTo; })
      .map(function (x) { return { name: x.name, role: x.role ? SC.roleName(x.role) : null, institution: x.institution, present: false }; }));
    var tbody = h('tbody');
    var n = 0;
    function row(p) {
      var i = ++n;
      var name = h('input', { type: 'text', id: 'att-name-' + i, class: 'att-name', value: p.name || '', 'aria-label': t('attendance.name') + ' ' + i });
      var role = h('input', { type: 'text', id: 'att-role-' + i, class: 'att-role', value: p.role || '', 'aria-label': t('attendance.role') + ' ' + i });
      var inst = h('input', { type: 'text', id: 'att-institution-' + i, class: 'att-institution', value: p.institution || '',
        'aria-label': t('attendance.institution') + ' ' + i });
      var present = h('input', { type: 'checkbox', id: 'att-present-' + i, class: 'att-present', checked: !!p.present,
        'aria-label': t('attendance.present') + ' ' + i });
      tbody.appendChild(h('tr', null, h('td', null, name), h('td', null, role), h('td', null, inst), h('td', { class: 'center' }, present)));
      return name;
    }
    rows.forEach(row);
    row({});
    var form = h('form', { id: 'attendance-form', onsubmit: function (e) {
      e.preventDefault();
      var people = [];
      tbody.querySelectorAll('tr').forEach(function (tr) {
        var name = tr.querySelector('.att-name').value.trim();
        if (!name) { return; }
        people.push({ name: name, role: tr.querySelector('.att-role').value.trim() || null,
          institution: tr.querySelector('.att-institution').value.trim() || null,
          present: tr.querySelector('.att-present').checked });
      });
      post('attendance', { people: people }, 'PUT', t('attendance.saved', { n: SC.num(people.filter(function (p) { return p.present; }).length) }));
    } },
    h('h2', { id: 'attendance-h', text: t('attendance.title') }),
    h('p', { class: 'help', text: m.attendance && m.attendance.length ? t('attendance.recorded') : t('attendance.fromMembers') }),
    h('div', { class: 'table-wrap' }, h('table', { id: 'attendance', 'aria-labelledby': 'attendance-h' },
      h('thead', null, h('tr', null, ['attendance.name', 'attendance.role', 'attendance.institution', 'attendance.present'].map(function (k) {
        return h('th', { scope: 'col', text: t(k) });
      }))), tbody)),
    h('p', null, h('button', { type: 'button', id: 'attendance-add', onclick: function () { row({}).focus(); } }, t('attendance.addRow')),
      ' ', h('button', { type: 'submit', class: 'primary', id: 'attendance-save' }, t('attendance.save'))));
    return form;
  }

  function decisionsSection(m, measures, post) {
    var text = h('textarea', { id: 'decision-text', rows: '3', maxlength: '4000' });
    var measure = h('select', { id: 'decision-measure' }, h('option', { value: '', text: t('decisions.noMeasure') }),
      measures.map(function (x) { return h('option', { value: String(x.id), text: x.title }); }));
    return h('section', { 'aria-labelledby': 'decisions-h' },
      h('h2', { id: 'decisions-h', text: t('meetings.decisions') }),
      m.decisions && m.decisions.length ? h('ol', { id: 'decisions' }, m.decisions.map(function (d) {
        var x = measures.filter(function (y) { return y.id === d.measureId; })[0];
        return h('li', { text: d.text + (d.measureId ? ' (' + (x ? x.title : t('measures.one', { id: d.measureId })) + ')' : '') });
      })) : h('p', { text: t('decisions.none') }),
      h('form', { id: 'decision-form', onsubmit: function (e) {
        e.preventDefault();
        post('decisions', { text: text.value, measureId: measure.value ? Number(measure.value) : null }, 'POST', t('decisions.recorded'));
      } }, h('h3', { text: t('decisions.new') }),
      h('label', { for: 'decision-text', text: t('decisions.text') }), text,
      h('label', { for: 'decision-measure', text: t('decisions.measure') }), measure,
      h('p', null, h('button', { type: 'submit', id: 'decision-save' }, t('decisions.record')))));
  }

  /** Moves the occurrence: a new local date and time in the city's zone, duration and place. */
  function moveForm(o, body, zone, post) {
    var p = localParts(o.start);
    var date = h('input', { type: 'date', id: 'move-date', required: true, value: p.date, 'aria-describedby': 'move-help' });
    var time = h('input', { type: 'time', id: 'move-time', required: true, value: p.time, 'aria-describedby': 'move-help' });
    var duration = h('input', { type: 'number', id: 'move-duration', min: '5', max: '1440', value: String(minutesBetween(o.start, o.end) || body.durationMinutes || 90) });
    var place = h('input', { type: 'text', id: 'move-location', size: '40', value: o.location || body.location || '' });
    return h('form', { id: 'move-form', onsubmit: function (e) {
      e.preventDefault();
      post('move', { start: date.value + 'T' + time.value, durationMinutes: Number(duration.value) || null, location: place.value || null },
        'POST', t('meetings.movedDone'));
    } }, h('h3', { text: t('meetings.move') }),
    h('p', { class: 'help', id: 'move-help', text: t('meetings.moveHelp', { zone: zone }) }),
    h('label', { for: 'move-date', text: t('meetings.newDate') }), date,
    h('label', { for: 'move-time', text: t('meetings.newTime') }), time,
    h('label', { for: 'move-duration', text: t('bodies.minutes') }), duration,
    h('label', { for: 'move-location', text: t('bodies.location') }), place,
    h('p', null, h('button', { type: 'submit', id: 'move-save' }, t('meetings.moveButton'))));
  }

  function cancelForm(post) {
    var reason = h('textarea', { id: 'cancel-reason-text', rows: '2', maxlength: '500' });
    return h('form', { id: 'cancel-form', onsubmit: function (e) {
      e.preventDefault();
      post('cancel', { reason: reason.value || null }, 'POST', t('meetings.cancelledDone'));
    } }, h('h3', { text: t('meetings.cancel') }),
    h('label', { for: 'cancel-reason-text', text: t('meetings.cancelReason') }), reason,
    h('p', null, h('button', { type: 'submit', id: 'cancel-save' }, t('meetings.cancelButton'))));
  }

  SC.consoleScreens.push({
    id: 'measures', title: 'measures.title',
    offered: function (roles, modules) { return modules.events && SC.has(roles, STAFF); },
    render: function (view, slug) {
      var base = 'cities/' + enc(slug) + '/measures';
      var which = new URLSearchParams(location.search).get('measure');
      if (which) { return measureDetail(view, slug, base, which); }
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
              return [SC.link('console/' + enc(slug) + '/measures?measure=' + m.id, m.title), m.district || '–', m.owner, SC.date(m.deadline),
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

  var MEASURE_STATUSES = ['planned', 'in-progress', 'done', 'cancelled'];
  /** One measure: its facts, a status change (PUT with the measure's fields) and its effectiveness reviews. */
  function measureDetail(view, slug, base, id) {
    return SC.api(base + '/' + enc(id)).then(function (m) {
      var out = flashed(h('p', { class: 'form-status', id: 'measure-status-out', 'aria-live': 'polite', tabindex: '-1' }));
      var status = h('select', { id: 'measure-status' }, MEASURE_STATUSES.map(function (s) {
        return h('option', { value: s, selected: s === m.status, text: t('measure.' + s) });
      }));
      SC.append(view, [h('p', null, SC.link('console/' + enc(slug) + '/measures', t('measures.all'))),
        h('h1', { text: m.title }), out,
        h('dl', { class: 'facts' },
          h('dt', { text: t('measures.status') }), h('dd', { id: 'measure-state', text: t('measure.' + m.status) + (m.overdue ? ' – ' + t('inbox.overdue') : '') }),
          h('dt', { text: t('measures.owner') }), h('dd', { text: m.owner }),
          h('dt', { text: t('measures.deadline') }), h('dd', { text: SC.date(m.deadline) }),
          h('dt', { text: t('stats.district') }), h('dd', { text: m.district || '–' }),
          m.description ? h('dt', { text: t('meetings.itemDescription') }) : null,
          m.description ? h('dd', { text: m.description }) : null),
        h('form', { id: 'measure-status-form', onsubmit: function (e) {
          e.preventDefault();
          SC.api(base + '/' + m.id, { method: 'PUT', body: { title: m.title, description: m.description, district: m.district,
            riskPlaceId: m.riskPlaceId, owner: m.owner, deadline: m.deadline, startedOn: m.startedOn, bodyId: m.bodyId,
            status: status.value } }).then(function () { flash = t('console.saved'); SC.render(true); }, fail(out));
        } }, h('label', { for: 'measure-status', text: t('measures.changeStatus') }), status,
        h('p', null, h('button', { type: 'submit' }, t('console.save')))),
        h('h2', { text: t('measures.reviews') }),
        m.reviews && m.reviews.length ? SC.table([t('measures.reviewedOn'), t('measures.rating'), t('measures.note'),
          t('measures.before'), t('measures.after'), t('measures.reviewedBy')], m.reviews.map(function (r) {
          return [SC.date(r.reviewedOn), r.rating + ' – ' + t('measures.rating' + r.rating), r.note || '–',
            r.offencesBefore === null || r.offencesBefore === undefined ? (r.figuresNote || '–') : SC.num(r.offencesBefore) + ' (' + r.beforeFrom + ' – ' + r.beforeTo + ')',
            r.offencesAfter === null || r.offencesAfter === undefined ? '–' : SC.num(r.offencesAfter) + ' (' + r.afterFrom + ' – ' + r.afterTo + ')',
            r.reviewedBy || '–'];
        })) : h('p', { text: t('measures.noReviews') }),
        reviewForm(base, [m], out, true)]);
    });
  }

  function reviewForm(base, list, out, reload) {
    var which = h('select', { id: 'r-measure' }, list.map(function (m) { return h('option', { value: String(m.id), text: m.title }); }));
    var rating = h('select', { id: 'r-rating' }, [1, 2, 3, 4, 5].map(function (n) {
      return h('option', { value: String(n), text: n + ' – ' + t('measures.rating' + n) });
    }));
    var note = h('textarea', { id: 'r-note', rows: '3' });
    return h('form', { id: 'review-form', onsubmit: function (e) {
      e.preventDefault();
      SC.api(base + '/' + which.value + '/reviews', { method: 'POST', body: { rating: Number(rating.value), note: note.value || null } })
        .then(function () {
          if (reload) { flash = t('console.saved'); SC.render(true); return; }
          out.className = 'ok'; out.textContent = t('console.saved');
        }, fail(out));
    } }, h('h2', { text: t('measures.review') }),
    h('label', { for: 'r-measure', text: t('measures.measure') }), which,
    h('label', { for: 'r-rating', text: t('measures.rating') }), rating,
    h('label', { for: 'r-note', text: t('measures.note') }), note,
    h('p', null, h('button', { type: 'submit' }, t('console.save'))));
  }
})();
