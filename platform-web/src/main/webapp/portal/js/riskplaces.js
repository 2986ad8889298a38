/* Safe City portal: risk places in the staff console: the city's list (filter by status), a status change per
   place, and a new place marked on the map. API: /api/cities/{city}/risk-places[/{id}] (PUT replaces every field;
   DELETE only for the city admin). */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;
  var t = SC.t;
  function enc(s) { return encodeURIComponent(s); }
  var STAFF = ['city-admin', 'police-officer', 'constable', 'councillor'];
  var KINDS = ['feels-unsafe', 'many-offences', 'both'];
  var STATUSES = ['open', 'measures-taken', 'resolved'];

  function select(id, values, prefix, current) {
    return h('select', { id: id }, values.map(function (v) {
      return h('option', { value: v, selected: v === current, text: t(prefix + v) });
    }));
  }
  function fields(p) {
    var o = { district: p.district, geometry: p.geometry, kind: p.kind, description: p.description, source: p.source,
      status: p.status, reportedOn: p.reportedOn };
    if (p.status === 'resolved' && p.resolvedOn) { o.resolvedOn = p.resolvedOn; }
    return o;
  }

  SC.consoleScreens.push({
    id: 'risk-places', title: 'risk.console',
    offered: function (roles, modules) { return modules.districts && SC.has(roles, STAFF); },
    render: function (view, slug, ctx) {
      var base = 'cities/' + enc(slug) + '/risk-places';
      var filter = new URLSearchParams(location.search).get('status') || '';
      return SC.api(base + (filter ? '?status=' + enc(filter) : '')).then(function (list) {
        var out = h('p', { id: 'form-status', 'aria-live': 'polite', tabindex: '-1' });
        function fail(err) { out.className = 'error'; out.textContent = SC.problemText(err); out.focus(); }
        var statusFilter = h('select', { id: 'risk-filter', onchange: function () {
          SC.go('/portal/console/' + enc(slug) + '/risk-places' + (statusFilter.value ? '?status=' + statusFilter.value : ''));
        } }, h('option', { value: '', text: t('risk.all') }), STATUSES.map(function (s) {
          return h('option', { value: s, selected: s === filter, text: t('risk.status.' + s) });
        }));
        SC.append(view, [h('h1', { text: t('risk.console') }), out,
          h('p', null, h('label', { for: 'risk-filter', text: t('inbox.filter') }), statusFilter)]);
        view.appendChild(list.length ? h('ul', { class: 'places', id: 'risk-list' }, list.map(function (p) {
          var st = select('risk-status-' + p.id, STATUSES, 'risk.status.', p.status);
          return h('li', null, h('strong', { text: SC.kindName(p.kind) }), ' – ', p.district, ', ',
            t('risk.reported', { date: SC.date(p.reportedOn) }), h('br'), p.description, h('br'),
            h('label', { for: st.id, class: 'inline-label', text: t('measures.status') + ' ' }), st, ' ',
            h('button', { type: 'button', onclick: function () {
              var body = fields(p);
              body.status = st.value;
              delete body.resolvedOn;
              SC.api(base + '/' + p.id, { method: 'PUT', body: body }).then(function () { SC.render(true); }, fail);
            } }, t('console.save')));
        })) : h('p', { text: t('district.noRiskPlaces') }));

        var lat = h('input', { id: 'risk-lat', type: 'text', inputmode: 'decimal', size: '10' });
        var lon = h('input', { id: 'risk-lon', type: 'text', inputmode: 'decimal', size: '10' });
        var district = h('input', { id: 'risk-district', type: 'text', size: '12' });
        var kind = select('risk-kind', KINDS, 'kind.');
        var desc = h('textarea', { id: 'risk-description', rows: '3', maxlength: '4000' });
        var mapBox = h('div', { class: 'map small', id: 'risk-map', tabindex: '0' });
        view.appendChild(h('form', { id: 'risk-form', onsubmit: function (e) {
          e.preventDefault();
          var body = { district: district.value, kind: kind.value, description: desc.value, source: 'working-group',
            geometry: { type: 'Point', coordinates: [parseFloat(lon.value.replace(',', '.')), parseFloat(lat.value.replace(',', '.'))] } };
          SC.api(base, { method: 'POST', body: body }).then(function () { SC.render(true); }, fail);
        } }, h('h2', { text: t('risk.new') }), h('p', { id: 'risk-map-help', text: t('risk.mapHelp') }), mapBox,
        h('label', { for: 'risk-lat', text: t('find.lat') }), lat, h('label', { for: 'risk-lon', text: t('find.lon') }), lon,
        h('label', { for: 'risk-district', text: t('inbox.reassignTo') }), district,
        h('label', { for: 'risk-kind', text: t('risk.kind') }), kind,
        h('label', { for: 'risk-description', text: t('meetings.itemDescription') }), desc,
        h('p', null, h('button', { type: 'submit' }, t('meetings.add')))));
        mapBox.setAttribute('aria-describedby', 'risk-map-help');
        SC.whenAttached(mapBox, function () {
          SC.districtMap(mapBox, { city: slug, label: t('risk.new'), onPick: function (a, b) {
            lat.value = a.toFixed(6);
            lon.value = b.toFixed(6);
            SC.currentMap.mark(a, b);
            SC.api('cities/' + enc(slug) + '/districts/locate?lat=' + a.toFixed(6) + '&lon=' + b.toFixed(6) + '&geometry=false')
              .then(function (r) { district.value = r.district.code; }, function () { district.value = ''; });
          } }).then(function () { mapBox.setAttribute('data-loaded', 'true'); });
        });
      });
    }
  });
})();
