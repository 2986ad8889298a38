/* Safe City portal: the feeling-of-safety survey (/portal/{city}/survey[/{id}]) with risk places marked on the map
   (or typed as coordinates), and the public statistics page (/portal/{city}/statistics): offences by district and
   the fear-vs-crime view. API: /api/cities/{city}/surveys…, /api/cities/{city}/stats/{districts,gap}. */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;
  var t = SC.t;
  function enc(s) { return encodeURIComponent(s); }
  var SCALE = ['survey.scale1', 'survey.scale2', 'survey.scale3', 'survey.scale4'];

  function cityPage(seg, name) { return seg.length >= 2 && seg[0] !== 'console' && seg[1] === name; }

  SC.route(function (seg) { return cityPage(seg, 'survey') && seg.length <= 3; }, function (view, seg) {
    var slug = seg[0];
    return Promise.all([SC.city(slug), SC.modules(slug), SC.api('cities/' + enc(slug) + '/surveys')]).then(function (r) {
      SC.cityModules = r[1];
      SC.chrome();
      var open = r[2].filter(function (s) { return s.status === 'open'; });
      var survey = seg[2] ? r[2].filter(function (s) { return String(s.id) === seg[2]; })[0] : (open.length === 1 ? open[0] : null);
      if (!survey) {
        SC.append(view, [h('h1', { text: t('survey.title') }), open.length ? h('ul', null, open.map(function (s) {
          return h('li', null, SC.link(enc(slug) + '/survey/' + s.id, s.title));
        })) : h('p', { text: t('survey.none') })]);
        return;
      }
      return SC.api('cities/' + enc(slug) + '/districts', { cache: true }).then(function (d) {
        surveyForm(view, slug, r[0], survey, d.districts);
      });
    });
  });

  function scaleFieldset(name, legend, legendLang) {
    return h('fieldset', { class: 'scale', 'data-field': name },
      h('legend', legendLang ? { lang: legendLang, text: legend } : { text: legend }),
      SCALE.map(function (k, i) {
        var id = name + '-' + (i + 1);
        return h('p', null, h('input', { type: 'radio', name: name, id: id, value: String(i + 1) }), ' ',
          h('label', { for: id, class: 'inline-label', text: t(k) }));
      }));
  }

  function surveyForm(view, slug, city, s, districts) {
    var out = h('p', { class: 'error', id: 'survey-error', tabindex: '-1', 'aria-live': 'assertive' });
    var district = h('select', { id: 'survey-district', 'data-field': 'district' }, h('option', { value: '', text: t('contact.noDistrict') }),
      districts.slice().sort(function (a, b) { return a.name.localeCompare(b.name, SC.lang, { numeric: true }); })
        .map(function (d) { return h('option', { value: d.code, text: d.name }); }));
    var token = s.access === 'invitation' ? h('input', { id: 'survey-token', type: 'text', autocomplete: 'off', 'data-field': 'token' }) : null;
    var places = [];
    var list = h('ul', { id: 'marked-places' });
    var mapBox = h('div', { class: 'map', id: 'survey-map', tabindex: '0' });
    var mapApi = null;
    function addPlace(lat, lon) {
      var desc = h('input', { type: 'text', id: 'place-desc-' + places.length, maxlength: '500' });
      var p = { lat: lat, lon: lon, desc: desc };
      places.push(p);
      if (mapApi) {
        L.circleMarker([lat, lon], { radius: 7, color: '#b00020', weight: 2, fillColor: '#ffd400', fillOpacity: 1, interactive: false }).addTo(mapApi.map);
      }
      list.appendChild(h('li', null, h('label', { for: desc.id, text: t('survey.placeAt', { lat: SC.num(lat, 5), lon: SC.num(lon, 5) }) }), desc,
        ' ', h('button', { type: 'button', onclick: function (e) {
          places.splice(places.indexOf(p), 1);
          e.target.closest('li').remove();
        } }, t('survey.remove'))));
      SC.announce(t('survey.placeAdded'));
    }
    var lat = h('input', { id: 'survey-lat', type: 'text', inputmode: 'decimal', size: '10' });
    var lon = h('input', { id: 'survey-lon', type: 'text', inputmode: 'decimal', size: '10' });
    var form = h('form', { id: 'survey-form', novalidate: true, onsubmit: function (e) {
      e.preventDefault();
      var safety = form.querySelector('input[name=safety]:checked');
      if (!safety) { out.textContent = t('survey.safetyRequired'); out.focus(); return; }
      if (!district.value) { out.textContent = t('contact.districtRequired'); district.focus(); return; }
      var answers = {};
      (s.questions || []).forEach(function (q) {
        var c = form.querySelector('input[name="q-' + q.key + '"]:checked');
        if (c) { answers[q.key] = Number(c.value); }
      });
      var body = { district: district.value, safety: Number(safety.value), answers: answers,
        riskPlaces: places.map(function (p) { return { lat: p.lat, lon: p.lon, description: p.desc.value || null }; }) };
      if (token) { body.token = token.value; }
      SC.api('cities/' + enc(slug) + '/surveys/' + s.id + '/responses', { method: 'POST', body: body, token: false }).then(function () {
        SC.clear(view).appendChild(h('div', null, h('h1', { text: t('survey.thanks') }), h('p', { id: 'survey-done', class: 'ok', text: t('survey.thanksText') }),
          h('p', null, SC.link(enc(slug), t('nav.cityHome')))));
        view.querySelector('h1').setAttribute('tabindex', '-1');
        view.querySelector('h1').focus();
      }, function (err) { out.textContent = SC.problemText(err); out.focus(); });
    } },
    out,
    token ? [h('label', { for: 'survey-token', text: t('survey.token') }), token] : null,
    h('label', { for: 'survey-district', text: t('survey.district') }), district,
    scaleFieldset('safety', t('survey.standardItem')),
    (s.questions || []).map(function (q) { return scaleFieldset('q-' + q.key, q.text, 'cs'); }),
    h('h2', { text: t('survey.places') }), h('p', { id: 'survey-map-help', text: t('survey.placesHelp') }),
    mapBox,
    h('fieldset', null, h('legend', { text: t('survey.addByCoordinates') }),
      h('label', { for: 'survey-lat', text: t('find.lat') }), lat, h('label', { for: 'survey-lon', text: t('find.lon') }), lon,
      h('p', null, h('button', { type: 'button', id: 'add-place', onclick: function () {
        var a = parseFloat(lat.value.replace(',', '.'));
        var b = parseFloat(lon.value.replace(',', '.'));
        if (isFinite(a) && isFinite(b)) { addPlace(a, b); lat.value = ''; lon.value = ''; } else { out.textContent = t('find.badCoordinates'); }
      } }, t('survey.addPlace')))),
    list,
    h('p', null, h('button', { type: 'submit', class: 'primary', id: 'survey-send' }, t('survey.send'))));
    mapBox.setAttribute('aria-describedby', 'survey-map-help');
    SC.append(view, [h('h1', { text: s.title }), h('p', { text: t('survey.intro', { city: city.name }) }), form]);
    SC.whenAttached(mapBox, function () {
      SC.districtMap(mapBox, { city: slug, onPick: addPlace, label: t('survey.places') }).then(function (m) {
        mapApi = m;
        mapBox.setAttribute('data-loaded', 'true');
      });
    });
  }

  /* ---- /portal/{city}/statistics ---- */
  SC.route(function (seg) { return cityPage(seg, 'statistics') && seg.length === 2; }, function (view, seg) {
    var slug = seg[0];
    return Promise.all([SC.city(slug), SC.modules(slug)]).then(function (r) {
      SC.cityModules = r[1];
      SC.chrome();
      SC.append(view, [h('h1', { text: t('statistics.title', { city: r[0].name }) })]);
      var gap = h('section', { 'aria-labelledby': 'gap-h' }, h('h2', { id: 'gap-h', text: t('statistics.gap') }),
        h('p', { text: t('statistics.gapIntro') }));
      var byDistrict = h('section', { 'aria-labelledby': 'bd-h' }, h('h2', { id: 'bd-h', text: t('stats.consoleTitle') }));
      view.appendChild(gap);
      view.appendChild(byDistrict);
      var p1 = SC.api('cities/' + enc(slug) + '/stats/gap').then(function (g) {
        gap.appendChild(h('p', { text: t('stats.period', { from: g.from, to: g.to }) }));
        var lines = (g.lines || []).filter(function (l) { return l.answers > 0 || l.offences > 0; });
        if (!lines.length) { gap.appendChild(h('p', { text: t('stats.none') })); return; }
        gap.appendChild(SC.table([t('stats.district'), t('statistics.answers'), t('statistics.unsafe'), t('stats.offences'),
          t('statistics.fearRank'), t('statistics.crimeRank'), t('statistics.flag')], lines.map(function (l) {
          return [l.name || l.district, SC.num(l.answers), l.tooFew ? t('statistics.tooFew') : SC.num((l.unsafe || 0) * 100, 0) + ' %',
            SC.num(l.offences), l.fearRank ? SC.num(l.fearRank) : '–', l.crimeRank ? SC.num(l.crimeRank) : '–',
            l.flag ? t('statistics.flag.' + l.flag) : '–'];
        })));
      }, function () { gap.appendChild(h('p', { text: t('stats.none') })); });
      var p2 = SC.api('cities/' + enc(slug) + '/stats/districts', { cache: true }).then(function (s) {
        var rows = (s.districts || []).filter(function (x) { return x.offences > 0; });
        byDistrict.appendChild(h('p', { text: t('stats.period', { from: s.from, to: s.to }) }));
        byDistrict.appendChild(rows.length ? SC.table([t('stats.district'), t('stats.borough'), t('stats.offences'), t('stats.clearance')],
          rows.map(function (x) {
            return [x.name || x.district || t('stats.unlocated'), x.borough || '–', SC.num(x.offences),
              x.clearanceRate === null || x.clearanceRate === undefined ? '–' : SC.num(x.clearanceRate * (x.clearanceRate <= 1 ? 100 : 1), 1) + ' %'];
          })) : h('p', { text: t('stats.none') }));
      }, function () { byDistrict.appendChild(h('p', { text: t('stats.none') })); });
      return Promise.all([p1, p2]);
    });
  });

  SC.homeExtras = SC.homeExtras || [];
  SC.homeExtras.push(function (view, city, modules) {
    if (!modules.stats) { return; }
    view.appendChild(h('p', { class: 'links' }, SC.link(enc(city.slug) + '/statistics', t('statistics.more')), ' · ',
      SC.link(enc(city.slug) + '/survey', t('survey.take'))));
  });
})();
