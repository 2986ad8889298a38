/* Safe City portal: staff console screens of the stats module.
   Crime import (city-admin, police-officer): a CSV file in one of the importer's formats (police-uk, cz-police, or
   mapped with a column mapping) → POST /api/cities/{city}/crime-records?format=…; a 200 answer is the report, a 202
   answer is a job that is polled (GET …/crime-records/imports/{id}) until it is done or failed.
   Surveys (city-admin): create a feeling-of-safety survey (period, answer window in the city's zone, per-district
   questions), list them, and show the results per district (sample size, share unsafe with its 95 % interval,
   districts with too few answers marked). API: /api/cities/{city}/surveys… */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;
  var t = SC.t;
  function enc(s) { return encodeURIComponent(s); }
  function status(id) { return h('p', { class: 'form-status', id: id, 'aria-live': 'polite', tabindex: '-1' }); }
  var FORMATS = ['police-uk', 'cz-police', 'mapped'];
  var MAPPED = ['source', 'idColumn', 'dateColumn', 'latColumn', 'lonColumn', 'typeColumn', 'outcomeColumn', 'delimiter'];
  var POLL_MS = 1000;

  /* ---- crime import ---- */
  SC.consoleScreens.push({
    id: 'crime-import', title: 'import.title',
    offered: function (roles, modules) { return modules.stats && SC.has(roles, ['city-admin', 'police-officer']); },
    render: function (view, slug) {
      var base = 'cities/' + enc(slug) + '/crime-records';
      var out = status('import-status');
      var progress = h('div', { id: 'import-progress', 'aria-live': 'polite' });
      var report = h('div', { id: 'import-result' });
      var file = h('input', { type: 'file', accept: '.csv,text/csv,text/plain', required: true });
      var format = h('select', null, FORMATS.map(function (f) { return h('option', { value: f, text: t('import.format.' + f) }); }));
      var background = h('input', { type: 'checkbox' });
      var mapped = {};
      MAPPED.forEach(function (k) { mapped[k] = h('input', { type: 'text', size: '24', autocomplete: 'off' }); });
      var mapping = h('fieldset', { id: 'mapping', hidden: true }, h('legend', { text: t('import.mapping') }),
        h('p', { class: 'help', text: t('import.mappingHelp') }),
        MAPPED.map(function (k) { return SC.formField('map-' + k, t('import.col.' + k), mapped[k], k, k === 'delimiter' ? t('import.delimiterHelp') : null); }));
      format.addEventListener('change', function () { mapping.hidden = format.value !== 'mapped'; });
      var submit = h('button', { type: 'submit', class: 'primary', id: 'import-send' }, t('import.send'));
      var recent = h('div', { id: 'import-jobs' });

      function query() {
        var q = new URLSearchParams({ format: format.value });
        if (format.value === 'mapped') {
          MAPPED.forEach(function (k) { if (mapped[k].value.trim()) { q.set(k, mapped[k].value.trim()); } });
        }
        if (background.checked) { q.set('async', 'true'); }
        return q.toString();
      }
      var form = h('form', { id: 'import-form', novalidate: true, onsubmit: function (e) {
        e.preventDefault();
        SC.clearProblems(form, out);
        SC.clear(report);
        SC.clear(progress);
        if (!file.files[0]) {
          document.getElementById('import-file-error').textContent = t('import.noFile');
          file.setAttribute('aria-invalid', 'true');
          file.focus();
          return;
        }
        submit.disabled = true;
        out.textContent = t('import.uploading');
        SC.api(base + '?' + query(), { method: 'POST', body: file.files[0], contentType: 'text/csv' }).then(function (r) {
          if (r && r.status && r.id) { return poll(r); } /* 202: the job */
          showReport(r);
        }).catch(function (err) {
          SC.formProblem(form, out, err);
          var p = err.problem || {};
          if (p.missing || p.found) {
            report.appendChild(h('dl', { class: 'facts', id: 'import-columns' },
              p.missing ? [h('dt', { text: t('import.missing') }), h('dd', { text: [].concat(p.missing).join(', ') })] : null,
              p.found ? [h('dt', { text: t('import.found') }), h('dd', { text: [].concat(p.found).join(', ') })] : null));
          }
        }).then(function () { submit.disabled = false; loadJobs(); });
      } },
      SC.formField('import-file', t('import.file'), file, 'body'),
      SC.formField('import-format', t('import.formatLabel'), format, 'format'),
      mapping,
      SC.formField('import-async', t('import.background'), background, 'async'),
      out,
      h('p', null, submit));

      /** Follows a job until it is done or failed; the progress is the job's own counters. */
      function poll(job) {
        return new Promise(function (resolve) {
          (function step(j) {
            showProgress(j);
            if (j.status === 'done') { SC.clear(progress); showReport(j.report || j); resolve(); return; }
            if (j.status === 'failed') {
              SC.clear(progress);
              out.className = 'form-status error';
              out.textContent = t('import.failed', { error: j.error || '', line: j.line === null || j.line === undefined ? '–' : j.line });
              resolve();
              return;
            }
            if (!document.body.contains(form)) { resolve(); return; } /* the page was left */
            setTimeout(function () {
              SC.api(base + '/imports/' + j.id).then(step, function (err) {
                out.className = 'form-status error';
                out.textContent = SC.problemText(err);
                resolve();
              });
            }, POLL_MS);
          })(job);
        });
      }
      function showProgress(j) {
        out.className = 'form-status';
        out.textContent = t('import.job', { id: j.id, status: t('import.status.' + j.status) });
        SC.clear(progress).appendChild(h('div', { class: 'progress' },
          h('label', { for: 'import-progress-bar', text: t('import.progress') }),
          j.status === 'done' ? h('progress', { id: 'import-progress-bar', max: '1', value: '1' }) : h('progress', { id: 'import-progress-bar' }),
          h('p', { id: 'import-counts', text: t('import.counts', { lines: SC.num(j.linesRead), imported: SC.num(j.imported),
            duplicates: SC.num(j.duplicates), unlocated: SC.num(j.unlocated), rejected: SC.num(j.rejected) }) })));
      }
      function showReport(r) {
        out.className = 'form-status ok';
        out.textContent = t('import.done');
        var rejected = r.rejected || [];
        var total = r.rejectedTotal === null || r.rejectedTotal === undefined ? rejected.length : r.rejectedTotal;
        SC.clear(report).appendChild(h('section', { 'aria-labelledby': 'report-h', id: 'import-report' },
          h('h2', { id: 'report-h', tabindex: '-1', text: t('import.report') }),
          h('ul', { class: 'figures', id: 'import-figures' },
            h('li', null, h('strong', { id: 'rep-imported', text: SC.num(r.imported) }), ' ', t('import.imported')),
            h('li', null, h('strong', { id: 'rep-duplicates', text: SC.num(r.duplicates) }), ' ', t('import.duplicates')),
            h('li', null, h('strong', { id: 'rep-unlocated', text: SC.num(r.unlocated) }), ' ', t('import.unlocated')),
            h('li', null, h('strong', { id: 'rep-rejected', text: SC.num(total) }), ' ', t('import.rejected'))),
          rejected.length ? [h('h3', { text: t('import.rejectedLines') }),
            SC.table([t('import.line'), t('import.reason')], rejected.map(function (x) { return [SC.num(x.line), x.reason]; })),
            total > rejected.length ? h('p', { class: 'help', text: t('import.moreRejected', { n: SC.num(total - rejected.length) }) }) : null] : null));
        report.querySelector('#report-h').focus();
      }
      function loadJobs() {
        SC.api(base + '/imports').then(function (jobs) {
          SC.clear(recent);
          if (!jobs.length) { return; }
          recent.appendChild(h('h2', { text: t('import.recent') }));
          recent.appendChild(SC.table([t('import.when'), t('import.formatLabel'), t('import.statusLabel'), t('import.imported'),
            t('import.duplicates'), t('import.unlocated'), t('import.rejected')], jobs.slice(0, 10).map(function (j) {
            return [SC.dateTime(j.createdAt), j.format + (j.source && j.source !== j.format ? ' (' + j.source + ')' : ''),
              t('import.status.' + j.status), SC.num(j.imported), SC.num(j.duplicates), SC.num(j.unlocated), SC.num(j.rejected)];
          })));
        }, function () { SC.clear(recent); });
      }
      SC.append(view, [h('h1', { text: t('import.title') }), h('p', { text: t('import.intro') }), form, progress, report, recent]);
      loadJobs();
    }
  });

  /* ---- surveys ---- */
  SC.consoleScreens.push({
    id: 'surveys', title: 'surveys.title',
    offered: function (roles, modules) { return modules.stats && SC.has(roles, ['city-admin']); },
    render: function (view, slug, ctx) {
      var base = 'cities/' + enc(slug) + '/surveys';
      var which = new URLSearchParams(location.search).get('survey');
      if (which) { return results(view, slug, base, which); }
      return SC.api(base).then(function (list) {
        var zone = ctx.city.timeZone || 'Europe/Prague';
        SC.append(view, [h('h1', { text: t('surveys.title') }),
          list.length ? SC.table([t('surveys.name'), t('surveys.period'), t('surveys.window', { zone: zone }), t('surveys.access'),
            t('surveys.state')], list.map(function (s) {
            return [SC.link('console/' + enc(slug) + '/surveys?survey=' + s.id, s.title, { 'data-survey': String(s.id) }),
              s.periodFrom + ' – ' + s.periodTo, local(s.opensAt) + ' – ' + local(s.closesAt),
              t('surveys.access.' + s.access), t('surveys.status.' + s.status)];
          })) : h('p', { text: t('surveys.none') }),
          createForm(slug, base, zone)]);
      });
    }
  });

  /** "2027-03-28T23:00" as the city's wall-clock time, formatted per locale without a zone conversion. */
  function local(s) {
    if (!s) { return '–'; }
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(s);
    if (!m) { return s; }
    return new Intl.DateTimeFormat(SC.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
      .format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])));
  }

  function createForm(slug, base, zone) {
    var out = status('survey-status');
    var f = {
      title: h('input', { type: 'text', size: '50', maxlength: '200' }),
      periodFrom: h('input', { type: 'month' }),
      periodTo: h('input', { type: 'month' }),
      opensAt: h('input', { type: 'datetime-local' }),
      closesAt: h('input', { type: 'datetime-local' }),
      access: h('select', null, ['open', 'invitation'].map(function (a) { return h('option', { value: a, text: t('surveys.access.' + a) }); }))
    };
    var qbody = h('tbody');
    var n = 0;
    function questionRow() {
      var i = n++;
      var key = h('input', { type: 'text', size: '12', class: 'q-key', id: 'q-key-' + i, 'data-field': 'questions[' + i + '].key',
        'aria-label': t('surveys.qKey') + ' ' + (i + 1), 'aria-describedby': 'q-key-' + i + '-error' });
      var text = h('input', { type: 'text', size: '40', class: 'q-text', id: 'q-text-' + i, 'data-field': 'questions[' + i + '].text',
        'aria-label': t('surveys.qText') + ' ' + (i + 1), 'aria-describedby': 'q-text-' + i + '-error' });
      var districts = h('input', { type: 'text', size: '16', class: 'q-districts', id: 'q-districts-' + i, 'data-field': 'questions[' + i + '].districts',
        'aria-label': t('surveys.qDistricts') + ' ' + (i + 1), 'aria-describedby': 'q-districts-' + i + '-error' });
      qbody.appendChild(h('tr', null,
        h('td', null, key, h('span', { class: 'field-error', id: 'q-key-' + i + '-error' })),
        h('td', null, text, h('span', { class: 'field-error', id: 'q-text-' + i + '-error' })),
        h('td', null, districts, h('span', { class: 'field-error', id: 'q-districts-' + i + '-error' }))));
      return key;
    }
    questionRow();
    var form = h('form', { id: 'survey-create', novalidate: true, onsubmit: function (e) {
      e.preventDefault();
      SC.clearProblems(form, out);
      var questions = [];
      qbody.querySelectorAll('tr').forEach(function (tr) {
        var key = tr.querySelector('.q-key').value.trim();
        var text = tr.querySelector('.q-text').value.trim();
        var ds = tr.querySelector('.q-districts').value.split(',').map(function (x) { return x.trim(); }).filter(Boolean);
        if (!key && !text) { return; }
        var q = { key: key, text: text };
        if (ds.length) { q.districts = ds; }
        questions.push(q);
      });
      var body = { title: f.title.value.trim(), periodFrom: f.periodFrom.value, periodTo: f.periodTo.value,
        opensAt: f.opensAt.value, closesAt: f.closesAt.value, access: f.access.value, questions: questions };
      SC.api(base, { method: 'POST', body: body }).then(function (s) {
        SC.go('/portal/console/' + enc(slug) + '/surveys?survey=' + s.id);
      }, function (err) { SC.formProblem(form, out, err); });
    } },
    h('h2', { text: t('surveys.new') }), out,
    SC.formField('survey-title', t('surveys.name'), f.title, 'title'),
    h('fieldset', null, h('legend', { text: t('surveys.period') }),
      SC.formField('survey-from', t('surveys.periodFrom'), f.periodFrom, 'periodFrom', t('surveys.monthHelp')),
      SC.formField('survey-to', t('surveys.periodTo'), f.periodTo, 'periodTo', t('surveys.monthHelp'))),
    h('fieldset', null, h('legend', { text: t('surveys.window', { zone: zone }) }),
      SC.formField('survey-opens', t('surveys.opensAt'), f.opensAt, 'opensAt', t('surveys.zoneHelp', { zone: zone })),
      SC.formField('survey-closes', t('surveys.closesAt'), f.closesAt, 'closesAt', t('surveys.zoneHelp', { zone: zone }))),
    SC.formField('survey-access', t('surveys.access'), f.access, 'access'),
    h('h3', { id: 'questions-h', text: t('surveys.questions') }),
    h('p', { class: 'help', text: t('surveys.questionsHelp') }),
    h('div', { class: 'table-wrap' }, h('table', { id: 'survey-questions', 'aria-labelledby': 'questions-h' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('surveys.qKey') }), h('th', { scope: 'col', text: t('surveys.qText') }),
        h('th', { scope: 'col', text: t('surveys.qDistricts') }))), qbody)),
    h('p', null, h('button', { type: 'button', id: 'add-question', onclick: function () { questionRow().focus(); } }, t('surveys.addQuestion'))),
    h('p', null, h('button', { type: 'submit', class: 'primary', id: 'survey-save' }, t('surveys.create'))));
    return form;
  }

  function pct(x) { return x === null || x === undefined ? '–' : SC.num(x, 1) + ' %'; }

  function results(view, slug, base, id) {
    return Promise.all([SC.api(base + '/' + enc(id)), SC.api(base + '/' + enc(id) + '/results')]).then(function (r) {
      var s = r[0];
      var res = r[1];
      var keys = (s.questions || []).map(function (q) { return q.key; });
      function row(d, isCity) {
        var tooFew = d.tooFew;
        return h('tr', { class: (tooFew ? 'too-few' : '') + (isCity ? ' total' : '') },
          h(isCity ? 'th' : 'td', isCity ? { scope: 'row' } : null, d.name || d.district || '–'),
          h('td', { class: 'num', text: SC.num(d.answers) }),
          h('td', { class: 'num', text: pct(d.unsafe) }),
          h('td', { class: 'num', text: d.unsafeCi95 ? pct(d.unsafeCi95[0]) + ' – ' + pct(d.unsafeCi95[1]) : '–' }),
          h('td', { class: 'num', text: d.meanScore === null || d.meanScore === undefined ? '–' : SC.num(d.meanScore, 2) }),
          keys.map(function (k) {
            var q = (d.questions || {})[k];
            return h('td', { class: 'num', text: q ? SC.num(q.meanScore, 2) + ' (n = ' + SC.num(q.answers) + ')' : '–' });
          }),
          h('td', null, tooFew ? h('span', { class: 'badge too-few-badge', text: t('surveys.tooFew') }) : t('surveys.enough')));
      }
      SC.append(view, [h('p', null, SC.link('console/' + enc(slug) + '/surveys', t('surveys.all'))),
        h('h1', { text: s.title }),
        h('dl', { class: 'facts' },
          h('dt', { text: t('surveys.period') }), h('dd', { text: s.periodFrom + ' – ' + s.periodTo }),
          h('dt', { text: t('surveys.window', { zone: s.zone }) }), h('dd', { text: local(s.opensAt) + ' – ' + local(s.closesAt) }),
          h('dt', { text: t('surveys.access') }), h('dd', { text: t('surveys.access.' + s.access) }),
          h('dt', { text: t('surveys.state') }), h('dd', { id: 'survey-state', text: t('surveys.status.' + s.status) }),
          h('dt', { text: t('surveys.standardItem') }), h('dd', { text: t('survey.standardItem') }),
          (s.questions || []).length ? [h('dt', { text: t('surveys.questions') }), h('dd', null, h('ul', null, s.questions.map(function (q) {
            return h('li', { text: q.key + ': ' + q.text + (q.districts && q.districts.length ? ' (' + q.districts.join(', ') + ')' : '') });
          })))] : null),
        h('h2', { id: 'results-h', text: t('surveys.results') }),
        h('p', { class: 'help', text: t('surveys.resultsHelp', { min: SC.num(res.minAnswers) }) }),
        h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'results-h' },
          h('table', { id: 'survey-results' },
            h('thead', null, h('tr', null, [t('stats.district'), t('surveys.answers'), t('surveys.unsafe'), t('surveys.ci95'),
              t('surveys.mean')].concat(keys).concat([t('surveys.sample')]).map(function (x) { return h('th', { scope: 'col', text: x }); }))),
            h('tbody', null, (res.districts || []).map(function (d) { return row(d, false); })),
            res.city ? h('tfoot', null, row(res.city, true)) : null)),
        s.access === 'invitation' ? invitations(base, s) : null]);
    });
  }

  /** Invitation codes for an invitation survey: made on request and shown once (only their hashes are kept). */
  function invitations(base, s) {
    var out = status('invite-status');
    var count = h('input', { type: 'number', min: '1', max: '10000', value: '50', inputmode: 'numeric' });
    var list = h('div', { id: 'invite-codes' });
    var form = h('form', { id: 'invite-form', novalidate: true, onsubmit: function (e) {
      e.preventDefault();
      SC.clearProblems(form, out);
      SC.api(base + '/' + s.id + '/invitations', { method: 'POST', body: { count: Number(count.value) } }).then(function (r) {
        var codes = h('textarea', { id: 'invite-list', rows: '8', readonly: true });
        codes.value = r.tokens.join('\n');
        SC.clear(list).appendChild(h('div', null, h('p', { class: 'ok', text: t('surveys.invitesMade', { n: SC.num(r.tokens.length) }) }),
          h('label', { for: 'invite-list', text: t('surveys.invitesList') }), codes));
        codes.focus();
      }, function (err) { SC.formProblem(form, out, err); });
    } }, h('h2', { text: t('surveys.invites') }), h('p', { class: 'help', text: t('surveys.invitesHelp') }), out,
    SC.formField('invite-count', t('surveys.invitesCount'), count, 'count'),
    h('p', null, h('button', { type: 'submit', id: 'invite-make' }, t('surveys.invitesMake'))), list);
    return form;
  }
})();
