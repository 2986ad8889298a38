/* Safe City portal: statistics (stats module). City home: offences, rate per 1,000, clearance rate and the monthly
   trend (uPlot chart, with the same numbers as a table); district card: the district's figures by category;
   console: the city's district table and, for coordinators, the cross-city comparison with CSV export. */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;
  var t = SC.t;
  function enc(s) { return encodeURIComponent(s); }
  function pct(x) { return x === null || x === undefined ? '–' : SC.num(x * (x <= 1 ? 100 : 1), 1) + ' %'; }

  /** A line chart of labelled values (uPlot), hidden from screen readers: the table beside it says the same. */
  function lineChart(labels, values, label) {
    var box = h('div', { class: 'chart', 'aria-hidden': 'true' });
    if (!labels.length) { return box; }
    SC.whenAttached(box, function () { SC.uplot().then(draw); });
    function draw() {
      var width = Math.max(280, Math.min(720, box.clientWidth || 600));
      /* global uPlot */
      new uPlot({
        width: width, height: 220, legend: { show: false }, cursor: { show: false },
        scales: { x: { time: false } },
        axes: [{ values: function (u, ticks) { return ticks.map(function (i) { return labels[i] || ''; }); } }, {}],
        series: [{}, { label: label, stroke: '#0b3d78', width: 2, points: { show: true } }]
      }, [labels.map(function (l, i) { return i; }), values], box);
    }
    return box;
  }

  SC.homeExtras = SC.homeExtras || [];
  SC.homeExtras.push(function (view, city, modules) {
    if (!modules.stats) { return; }
    var box = h('section', { 'aria-labelledby': 'stats-h' }, h('h2', { id: 'stats-h', text: t('stats.title') }));
    view.appendChild(box);
    SC.api('cities/' + enc(city.slug) + '/stats/summary').then(function (s) {
      box.appendChild(h('p', { text: t('stats.period', { from: s.from, to: s.to }) }));
      box.appendChild(h('ul', { class: 'figures' },
        h('li', null, h('strong', { text: SC.num(s.offences) }), ' ', t('stats.offences')),
        h('li', null, h('strong', { text: SC.num(s.per1000, 1) }), ' ', t('stats.per1000')),
        h('li', null, h('strong', { text: pct(s.clearanceRate) }), ' ', t('stats.clearance'))));
      var trend = (s.trend || []).filter(function (r) { return !r.suppressed; });
      if (trend.length) {
        box.appendChild(lineChart(trend.map(function (r) { return r.key; }), trend.map(function (r) { return r.count; }),
          t('stats.offences')));
        box.appendChild(h('details', null, h('summary', { text: t('stats.trendTable') }),
          SC.table([t('stats.month'), t('stats.offences')], trend.map(function (r) { return [r.key, SC.num(r.count)]; }))));
      }
    }, function () { box.appendChild(h('p', { text: t('stats.none') })); });
  });

  SC.cardExtras = SC.cardExtras || [];
  SC.cardExtras.push(function (card, city, d, modules) {
    if (!modules.stats) { return; }
    var box = h('section', { class: 'no-print', 'aria-labelledby': 'dstats-h' }, h('h2', { id: 'dstats-h', text: t('stats.districtTitle') }));
    card.appendChild(box);
    SC.api('cities/' + enc(city.slug) + '/stats/districts', { cache: true }).then(function (s) {
      var row = (s.districts || []).filter(function (r) { return r.district === d.code; })[0];
      if (!row) { box.appendChild(h('p', { text: t('stats.none') })); return; }
      box.appendChild(h('p', { text: t('stats.period', { from: s.from, to: s.to }) }));
      box.appendChild(h('ul', { class: 'figures' },
        h('li', null, h('strong', { text: SC.num(row.offences) }), ' ', t('stats.offences')),
        h('li', null, h('strong', { text: pct(row.clearanceRate) }), ' ', t('stats.clearance'))));
      var cats = Object.keys(row.byCategory || {});
      if (cats.length) {
        box.appendChild(SC.table([t('stats.category'), t('stats.offences')], cats.map(function (c) {
          return [c, SC.num(row.byCategory[c])];
        })));
      }
    }, function () { box.appendChild(h('p', { text: t('stats.none') })); });
  });

  var STAFF = ['city-admin', 'police-officer', 'constable', 'councillor'];
  SC.consoleScreens = SC.consoleScreens || [];
  SC.consoleScreens.push({
    id: 'stats', title: 'stats.consoleTitle',
    offered: function (roles, modules) { return modules.stats && SC.has(roles, STAFF); },
    render: function (view, slug) {
      return SC.api('cities/' + enc(slug) + '/stats/districts').then(function (s) {
        SC.append(view, [h('h1', { text: t('stats.consoleTitle') }), h('p', { text: t('stats.period', { from: s.from, to: s.to }) }),
          SC.table([t('stats.district'), t('stats.borough'), t('stats.offences'), t('stats.clearance')],
            (s.districts || []).map(function (r) {
              return [r.name || r.district || t('stats.unlocated'), r.borough || '–', SC.num(r.offences), pct(r.clearanceRate)];
            }))]);
      });
    }
  });

  /* coordinator: /portal/console/-/comparison */
  SC.consoleScreens.push({
    id: 'comparison', title: 'comparison.title', regional: true,
    offered: function (roles) { return SC.has(roles, ['coordinator', 'platform-admin']); },
    render: function (view) {
      var q = new URLSearchParams(location.search);
      var from = h('input', { id: 'from', type: 'month', value: q.get('from') || '' });
      var to = h('input', { id: 'to', type: 'month', value: q.get('to') || '' });
      var out = h('div', { id: 'comparison' });
      var csv = h('p', { id: 'csv' });
      function period() {
        var p = new URLSearchParams();
        if (from.value) { p.set('from', from.value); }
        if (to.value) { p.set('to', to.value); }
        return p.toString();
      }
      function load() {
        SC.clear(out).appendChild(h('p', { text: t('console.working') }));
        SC.clear(csv);
        return SC.api('stats/comparison?' + period()).then(function (tab) {
          SC.clear(out);
          out.appendChild(h('p', { text: t('stats.period', { from: tab.from, to: tab.to }) }));
          var cities = (tab.cities || []).filter(function (c) { return c.city.indexOf('t-') !== 0; });
          var indicators = tab.indicators || [];
          var head = [t('comparison.city'), t('comparison.population'), t('stats.offences'), t('stats.per1000'),
            t('stats.clearance'), t('comparison.safety')].concat(indicators.map(function (c) { return c.title; }));
          out.appendChild(SC.table(head, cities.map(function (c) {
            return [c.name, SC.num(c.population), SC.num(c.offences), SC.num(c.offencesPer1000, 1), pct(c.clearanceRate),
              c.perceivedSafety === null || c.perceivedSafety === undefined ? '–' : SC.num(c.perceivedSafety, 1)]
              .concat(indicators.map(function (col) {
                var v = (c.indicators || {})[col.key];
                return v === null || v === undefined ? '–' : SC.num(v, 1);
              }));
          })));
          out.appendChild(lineChartBars(cities));
          csv.appendChild(h('button', { type: 'button', id: 'export-csv', onclick: exportCsv }, t('comparison.csv')));
        }, function (err) { SC.clear(out).appendChild(h('p', { class: 'error', text: SC.problemText(err) })); });
      }
      function exportCsv() {
        fetch('/api/stats/comparison?' + period(), { headers: { Accept: 'text/csv', Authorization: 'Bearer ' + SC.auth.token() } })
          .then(function (r) {
            if (!r.ok) { throw { status: r.status }; }
            var name = ((r.headers.get('Content-Disposition') || '').match(/filename="([^"]+)"/) || [])[1] || 'comparison.csv';
            return r.blob().then(function (b) {
              var a = h('a', { href: URL.createObjectURL(b), download: name, id: 'csv-link', text: t('comparison.download', { name: name }) });
              SC.clear(csv).appendChild(a);
              a.click();
            });
          }).catch(function (err) { csv.appendChild(h('p', { class: 'error', text: SC.problemText(err) })); });
      }
      SC.append(view, [h('h1', { text: t('comparison.title') }),
        h('form', { class: 'inline', onsubmit: function (e) { e.preventDefault(); load(); } },
          h('label', { for: 'from', text: t('comparison.from') }), from,
          h('label', { for: 'to', text: t('comparison.to') }), to,
          h('p', null, h('button', { type: 'submit' }, t('comparison.show')))), out, csv]);
      return load();
    }
  });

  /** Offences per 1,000 inhabitants by city as a simple bar chart (uPlot bars; the table above says the same). */
  function lineChartBars(cities) {
    var box = h('div', { class: 'chart', 'aria-hidden': 'true' });
    if (!cities.length) { return box; }
    SC.whenAttached(box, function () { SC.uplot().then(draw); });
    function draw() {
      var labels = cities.map(function (c) { return c.name; });
      new uPlot({
        width: Math.max(280, Math.min(720, box.clientWidth || 600)), height: 220, legend: { show: false },
        cursor: { show: false }, scales: { x: { time: false, range: [-0.5, labels.length - 0.5] } },
        axes: [{ values: function (u, ticks) { return ticks.map(function (i) { return labels[i] || ''; }); },
          splits: function () { return labels.map(function (l, i) { return i; }); } }, {}],
        series: [{}, { label: t('stats.per1000'), fill: '#6f9fd8', stroke: '#0b3d78',
          paths: uPlot.paths.bars({ size: [0.6, 80] }), points: { show: false } }]
      }, [labels.map(function (l, i) { return i; }), cities.map(function (c) { return c.offencesPer1000 || 0; })], box);
    }
    return box;
  }
})();
