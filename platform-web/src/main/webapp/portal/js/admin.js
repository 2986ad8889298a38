/* Safe City portal: administration in the console. Platform admin: the onboarding wizard's first step (a new
   city: POST /api/cities), then per city (city admin): the municipal outline (PUT …/outline), provisional districts
   (POST …/districts/provisional), the working groups of the districts (assign, end; with the person's city roles in
   Keycloak: PUT …/staff/{username}/roles), and the messaging ladder and categories. Boundary import is in console.js. */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;
  var t = SC.t;
  function enc(s) { return encodeURIComponent(s); }
  function status() { return h('p', { class: 'form-status', id: 'form-status', 'aria-live': 'polite', tabindex: '-1' }); }
  function ok(out, text) { out.className = 'ok'; out.textContent = text; }
  function fail(out) { return function (err) { out.className = 'error'; out.textContent = SC.problemText(err); out.focus(); }; }
  function field(id, label, input) { input.id = id; return [h('label', { for: id, text: label }), input]; }

  /* ---- platform admin: /portal/console/-/onboarding (a new city, then its own steps) ---- */
  SC.consoleScreens.push({
    id: 'onboarding', title: 'onboarding.title', regional: true,
    offered: function (roles) { return roles.indexOf('platform-admin') >= 0; },
    render: function (view) {
      var out = status();
      var f = {
        slug: h('input', { type: 'text', required: true, pattern: '[a-z0-9-]+', autocomplete: 'off' }),
        name: h('input', { type: 'text', required: true }),
        code: h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off' }),
        population: h('input', { type: 'number', min: '0' }),
        zone: h('input', { type: 'text', value: 'Europe/Prague' }),
        locales: h('input', { type: 'text', value: 'cs, en' })
      };
      SC.append(view, [h('h1', { text: t('onboarding.title') }), h('p', { text: t('onboarding.intro') }),
        h('ol', { class: 'steps' }, ['onboarding.step1', 'onboarding.step2', 'onboarding.step3', 'onboarding.step4',
          'onboarding.step5'].map(function (k, i) { return h('li', i === 0 ? { 'aria-current': 'step' } : null, t(k)); })),
        h('form', { id: 'city-form', onsubmit: function (e) {
          e.preventDefault();
          var body = { slug: f.slug.value.trim(), name: f.name.value.trim(), timeZone: f.zone.value.trim() || null,
            locales: f.locales.value.split(',').map(function (s) { return s.trim(); }).filter(Boolean) };
          if (f.code.value) { body.municipalityCode = f.code.value.trim(); }
          if (f.population.value) { body.population = Number(f.population.value); }
          SC.api('cities', { method: 'POST', body: body }).then(function (c) {
            SC.go('/portal/console/' + enc(c.slug) + '/outline');
          }, fail(out));
        } }, out,
        field('new-slug', t('onboarding.slug'), f.slug), field('new-name', t('onboarding.name'), f.name),
        field('new-code', t('onboarding.code'), f.code), field('new-population', t('onboarding.population'), f.population),
        field('new-zone', t('onboarding.zone'), f.zone), field('new-locales', t('onboarding.locales'), f.locales),
        h('p', null, h('button', { type: 'submit', class: 'primary' }, t('onboarding.create'))))]);
    }
  });

  /* ---- city admin: outline and provisional districts ---- */
  SC.consoleScreens.push({
    id: 'outline', title: 'outline.title',
    offered: function (roles, modules) { return modules.districts && SC.has(roles, ['city-admin']); },
    render: function (view, slug) {
      var out = status();
      var file = h('input', { type: 'file', accept: '.geojson,.json,application/geo+json' });
      var property = h('input', { type: 'text', autocomplete: 'off' });
      var value = h('input', { type: 'text', autocomplete: 'off' });
      var count = h('input', { type: 'number', min: '1', max: '500', value: '9' });
      var boroughs = h('input', { type: 'number', min: '0', max: '100', value: '0' });
      var mapBox = h('div', { class: 'map small', id: 'outline-map' });
      function showOutline() {
        SC.api('cities/' + enc(slug) + '/outline?simplify=20').then(function (g) {
          SC.clear(mapBox);
          var fc = g.type === 'FeatureCollection' ? g : { type: 'FeatureCollection', features: [g.type === 'Feature' ? g
            : { type: 'Feature', geometry: g, properties: {} }] };
          fc.features.forEach(function (x) { x.properties = x.properties || {}; x.properties.code = 'outline'; });
          SC.districtMap(mapBox, { geojson: fc, label: t('outline.title') }).then(function () { mapBox.setAttribute('data-loaded', 'true'); });
        }, function () { mapBox.appendChild(h('p', { text: t('outline.none') })); });
      }
      SC.append(view, [h('h1', { text: t('outline.title') }), h('p', { text: t('outline.intro') }), out,
        h('form', { id: 'outline-form', onsubmit: function (e) {
          e.preventDefault();
          if (!file.files[0]) { fail(out)({ problem: { detail: t('console.boundaries.noFile') } }); return; }
          var q = property.value && value.value ? '?property=' + enc(property.value) + '&value=' + enc(value.value) : '';
          file.files[0].text().then(function (text) {
            return SC.api('cities/' + enc(slug) + '/outline' + q, { method: 'PUT', body: text, contentType: 'application/geo+json' });
          }).then(function () { ok(out, t('outline.saved')); showOutline(); }, fail(out));
        } }, field('outline-file', t('console.boundaries.file'), file),
        field('outline-property', t('outline.property'), property), field('outline-value', t('outline.value'), value),
        h('p', null, h('button', { type: 'submit' }, t('outline.upload')))),
        h('h2', { text: t('outline.preview') }), mapBox,
        h('form', { id: 'provisional-form', onsubmit: function (e) {
          e.preventDefault();
          var body = { districts: Number(count.value), seed: 1 };
          if (Number(boroughs.value) > 0) { body.boroughs = Number(boroughs.value); }
          SC.api('cities/' + enc(slug) + '/districts/provisional', { method: 'POST', body: body })
            .then(function (r) { ok(out, t('outline.generated', { n: SC.num(r.districts || count.value) })); }, fail(out));
        } }, h('h2', { text: t('outline.provisional') }), h('p', { text: t('outline.provisionalIntro') }),
        field('provisional-count', t('outline.count'), count), field('provisional-boroughs', t('outline.boroughs'), boroughs),
        h('p', null, h('button', { type: 'submit' }, t('outline.generate'))),
        h('p', null, SC.link('console/' + enc(slug) + '/boundaries', t('outline.orImport'))))]);
      showOutline();
    }
  });

  /* ---- city admin: working groups ---- */
  var SEATS = ['police-officer', 'constable', 'councillor'];
  SC.consoleScreens.push({
    id: 'working-groups', title: 'wg.title',
    offered: function (roles, modules) { return modules.districts && SC.has(roles, ['city-admin']); },
    render: function (view, slug) {
      var q = new URLSearchParams(location.search);
      var code = q.get('district');
      return SC.api('cities/' + enc(slug) + '/districts').then(function (r) {
        var pick = h('select', { id: 'wg-district', onchange: function () {
          SC.go('/portal/console/' + enc(slug) + '/working-groups?district=' + enc(pick.value));
        } }, h('option', { value: '', text: t('contact.noDistrict') }), r.districts.map(function (d) {
          return h('option', { value: d.code, selected: d.code === code, text: d.name });
        }));
        SC.append(view, [h('h1', { text: t('wg.title') }), h('p', null, h('label', { for: 'wg-district', text: t('contact.district') }), pick)]);
        if (!code) { return; }
        return SC.api('cities/' + enc(slug) + '/districts/' + enc(code) + '?geometry=false').then(function (d) {
          var out = status();
          view.appendChild(out);
          var seated = {};
          (d.workingGroup || []).forEach(function (m) { seated[m.role] = m; });
          SEATS.forEach(function (role) { view.appendChild(seatForm(slug, code, role, seated[role], out)); });
        });
      });
    }
  });

  function seatForm(slug, code, role, member, out) {
    var id = 'seat-' + role;
    var f = {
      username: h('input', { type: 'text', autocomplete: 'off', required: true }),
      displayName: h('input', { type: 'text', required: true }),
      title: h('input', { type: 'text' }),
      phone: h('input', { type: 'tel' }),
      email: h('input', { type: 'email' }),
      officeHours: h('input', { type: 'text' })
    };
    var grant = h('input', { type: 'checkbox', id: id + '-grant', checked: true });
    var base = 'cities/' + enc(slug) + '/districts/' + enc(code) + '/working-group/' + role;
    return h('form', { class: 'card', id: id, onsubmit: function (e) {
      e.preventDefault();
      var body = {};
      Object.keys(f).forEach(function (k) { if (f[k].value) { body[k] = f[k].value; } });
      SC.api(base, { method: 'POST', body: body }).then(function () {
        if (!grant.checked) { return null; }
        return SC.api('cities/' + enc(slug) + '/staff/' + enc(f.username.value) + '/roles').then(function (cur) {
          var roles = (cur.roles || []).filter(function (x) { return x !== role; }).concat([role]);
          return SC.api('cities/' + enc(slug) + '/staff/' + enc(f.username.value) + '/roles', { method: 'PUT', body: { roles: roles } });
        });
      }).then(function () { SC.render(true); }, fail(out));
    } },
    h('h2', { text: SC.roleName(role) }),
    member ? h('p', null, h('strong', { text: member.displayName }), ' ' + t('wg.since', { date: SC.date(member.from) }) + ' ',
      h('button', { type: 'button', id: id + '-end', onclick: function () {
        SC.api(base + '/end', { method: 'POST', body: {} }).then(function () { SC.render(true); }, fail(out));
      } }, t('wg.end'))) : h('p', { text: t('wg.vacant') }),
    h('h3', { text: member ? t('wg.replace') : t('wg.assign') }),
    field(id + '-username', t('wg.username'), f.username), field(id + '-name', t('wg.displayName'), f.displayName),
    field(id + '-title', t('wg.personTitle'), f.title), field(id + '-phone', t('person.phone'), f.phone),
    field(id + '-email', t('person.email'), f.email), field(id + '-hours', t('person.officeHours'), f.officeHours),
    h('p', null, grant, ' ', h('label', { for: id + '-grant', class: 'inline-label', text: t('wg.grant', { role: SC.roleName(role) }) })),
    h('p', null, h('button', { type: 'submit' }, t('wg.save'))));
  }

  /* ---- city admin: messaging categories and escalation ladder ---- */
  SC.consoleScreens.push({
    id: 'messaging-setup', title: 'setup.title',
    offered: function (roles, modules) { return modules.messaging && SC.has(roles, ['city-admin']); },
    render: function (view, slug) {
      var base = 'cities/' + enc(slug) + '/messaging/';
      return Promise.all([SC.api(base + 'categories'), SC.api(base + 'ladder')]).then(function (r) {
        var out = status();
        var cats = h('textarea', { rows: '10' });
        cats.value = JSON.stringify(r[0], null, 1);
        var ladder = h('textarea', { rows: '12' });
        ladder.value = JSON.stringify(r[1], null, 1);
        function save(path, area) {
          var parsed;
          try { parsed = JSON.parse(area.value); } catch (x) { fail(out)({ problem: { detail: t('console.modules.badJson') } }); return; }
          SC.api(base + path, { method: 'PUT', body: parsed }).then(function () { ok(out, t('console.saved')); }, fail(out));
        }
        SC.append(view, [h('h1', { text: t('setup.title') }), out,
          h('h2', { text: t('setup.ladder') }),
          SC.table([t('setup.level'), t('setup.ack'), t('setup.answer')], r[1].map(function (l) {
            return [l.name, SC.num(l.ackDays), SC.num(l.answerDays)];
          })),
          h('form', { onsubmit: function (e) { e.preventDefault(); save('ladder', ladder); } },
            field('ladder-json', t('setup.ladderJson'), ladder), h('p', null, h('button', { type: 'submit' }, t('console.save')))),
          h('h2', { text: t('setup.categories') }),
          h('form', { onsubmit: function (e) { e.preventDefault(); save('categories', cats); } },
            field('categories-json', t('setup.categoriesJson'), cats), h('p', null, h('button', { type: 'submit' }, t('console.save'))))]);
      });
    }
  });
  /* ---- city admin: hierarchy (levels and boroughs) ---- */
  SC.consoleScreens.push({
    id: 'hierarchy', title: 'hierarchy.title',
    offered: function (roles, modules) { return modules.districts && SC.has(roles, ['city-admin']); },
    render: function (view, slug) {
      var base = 'cities/' + enc(slug) + '/';
      return Promise.all([SC.api(base + 'levels').catch(function () { return { levels: [] }; }),
        SC.api(base + 'boroughs').catch(function () { return []; })]).then(function (r) {
        var out = status();
        var levels = h('textarea', { rows: '8' });
        levels.value = JSON.stringify(r[0], null, 1);
        var boroughs = Array.isArray(r[1]) ? r[1] : (r[1].boroughs || []);
        SC.append(view, [h('h1', { text: t('hierarchy.title') }), out,
          h('h2', { text: t('hierarchy.levels') }),
          h('ol', null, (r[0].levels || []).map(function (l) { return h('li', { text: l.name + ' (' + l.key + ')' }); })),
          h('form', { onsubmit: function (e) {
            e.preventDefault();
            var parsed;
            try { parsed = JSON.parse(levels.value); } catch (x) { fail(out)({ problem: { detail: t('console.modules.badJson') } }); return; }
            SC.api(base + 'levels', { method: 'PUT', body: parsed }).then(function () { SC.render(true); }, fail(out));
          } }, field('levels-json', t('hierarchy.levelsJson'), levels), h('p', null, h('button', { type: 'submit' }, t('console.save')))),
          h('h2', { text: t('hierarchy.boroughs') }),
          boroughs.length ? SC.table([t('console.boundaries.code'), t('onboarding.name'), t('onboarding.population')],
            boroughs.map(function (b) { return [b.code, b.name, b.population ? SC.num(b.population) : '–']; }))
            : h('p', { text: t('hierarchy.noBoroughs') })]);
      });
    }
  });

  /* ---- city admin: bodies and their meeting cadences (RFC 5545 RRULE) ---- */
  var BODY_KINDS = ['district-working-group', 'borough-group', 'narrow-group', 'broad-group', 'city-hall-group',
    'coordination-meeting', 'security-commission', 'expert-group', 'city-council'];
  SC.consoleScreens.push({
    id: 'bodies', title: 'bodies.title',
    offered: function (roles, modules) { return modules.events && SC.has(roles, ['city-admin']); },
    render: function (view, slug) {
      var base = 'cities/' + enc(slug) + '/bodies';
      return SC.api(base).then(function (list) {
        var out = status();
        var f = {
          kind: h('select', null, BODY_KINDS.map(function (k) { return h('option', { value: k, text: t('body.' + k) }); })),
          name: h('input', { type: 'text' }),
          scope: h('select', null, ['city', 'borough', 'district'].map(function (k) { return h('option', { value: k, text: t('scope.' + k) }); })),
          scopeCode: h('input', { type: 'text', size: '12' }),
          rrule: h('input', { type: 'text', size: '40', value: 'FREQ=MONTHLY;BYDAY=1TH' }),
          start: h('input', { type: 'datetime-local' }),
          minutes: h('input', { type: 'number', min: '5', max: '1440', value: '90' }),
          location: h('input', { type: 'text', size: '40' })
        };
        SC.append(view, [h('h1', { text: t('bodies.title') }), out,
          SC.table([t('onboarding.name'), t('bodies.kind'), t('bodies.scope'), t('bodies.cadence')], list.map(function (b) {
            return [b.name, t('body.' + b.kind), t('scope.' + b.scope) + (b.scopeCode ? ' ' + b.scopeCode : ''), b.rrule || '–'];
          })),
          h('form', { id: 'body-form', onsubmit: function (e) {
            e.preventDefault();
            var body = { kind: f.kind.value, name: f.name.value, scope: f.scope.value, scopeCode: f.scopeCode.value || null };
            if (f.rrule.value && f.start.value) {
              body.series = { rrule: f.rrule.value, start: f.start.value, durationMinutes: Number(f.minutes.value) || 90,
                location: f.location.value || null };
            }
            SC.api(base, { method: 'POST', body: body }).then(function () { SC.render(true); }, fail(out));
          } }, h('h2', { text: t('bodies.new') }),
          field('body-kind', t('bodies.kind'), f.kind), field('body-name', t('onboarding.name'), f.name),
          field('body-scope', t('bodies.scope'), f.scope), field('body-scope-code', t('bodies.scopeCode'), f.scopeCode),
          field('body-rrule', t('bodies.rrule'), f.rrule), field('body-start', t('bodies.start'), f.start),
          field('body-minutes', t('bodies.minutes'), f.minutes), field('body-location', t('bodies.location'), f.location),
          h('p', null, h('button', { type: 'submit' }, t('meetings.add'))))]);
      });
    }
  });
})();
