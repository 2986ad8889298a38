/* Safe City portal: the staff console (/portal/console/...). Login through oidc.js; screens are offered by the
   caller's roles in the city (what a role may not do is not offered; the API enforces it anyway) and by the
   modules enabled there. Screens of other modules register themselves with SC.consoleScreens. */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;
  var t = SC.t;
  function enc(s) { return encodeURIComponent(s); }

  /**
   * Console screens: {id, title (message key), offered(roles, modules), render(view, city, ctx)}, ctx =
   * {roles: [city roles], modules: {enabled module: settings}, city: CityView}.
   */
  SC.consoleScreens = SC.consoleScreens || [];
  /** Whether roles hold one of any; platform-admin counts everywhere (as the API's CityRequestFilter says). */
  SC.has = function (roles, any) {
    return roles.indexOf('platform-admin') >= 0 || any.some(function (r) { return roles.indexOf(r) >= 0; });
  };

  function needLogin(view, returnTo) {
    SC.append(view, [
      h('h1', { text: t('console.title') }),
      h('p', { text: t('console.loginIntro') }),
      h('p', null, h('button', { type: 'button', class: 'primary', id: 'login', onclick: function () { SC.auth.login(returnTo); } },
        t('console.login')))
    ]);
  }

  function userBar(roles) {
    return h('div', { class: 'userbar' },
      h('p', null, t('console.loggedInAs', { name: roles.name || '' }) + ' ',
        h('button', { type: 'button', id: 'logout', onclick: function () { SC.auth.logout(); } }, t('console.logout'))));
  }

  /** Roles in a city, with the platform roles that count everywhere. */
  SC.cityRoles = function (slug) {
    var r = SC.auth.roles();
    return (r.cities[slug] || []).concat(r.platform);
  };

  /* /portal/console/callback: the end of the Keycloak login */
  SC.route(function (seg) { return seg[0] === 'console' && seg[1] === 'callback'; }, function (view) {
    return SC.auth.callback().then(function (returnTo) {
      history.replaceState(null, '', returnTo);
      return SC.render(true);
    }, function (err) {
      SC.append(view, [h('h1', { text: t('console.loginFailed') }), h('p', { class: 'error', text: SC.problemText(err) }),
        h('p', null, SC.link('console', t('console.title')))]);
    });
  });

  /* /portal/console: who am I, which cities */
  SC.route(function (seg) { return seg[0] === 'console' && seg.length === 1; }, function (view) {
    SC.cityModules = null;
    return SC.auth.fresh().then(function (token) {
      if (!token) { return needLogin(view, '/portal/console'); }
      var roles = SC.auth.roles();
      return SC.cities().then(function (cities) {
        var mine = cities.filter(function (c) { return roles.cities[c.slug] || roles.platform.length; });
        SC.append(view, [h('h1', { text: t('console.title') }), userBar(roles)]);
        if (roles.platform.length) {
          view.appendChild(h('p', { text: t('console.platformRoles', { roles: roles.platform.map(SC.roleName).join(', ') }) }));
        }
        var regional = SC.consoleScreens.filter(function (s) { return s.regional && s.offered(roles.platform, {}); });
        if (regional.length) {
          view.appendChild(h('ul', { class: 'tabs' }, regional.map(function (s) {
            return h('li', null, SC.link('console/-/' + s.id, t(s.title), { class: 'button' }));
          })));
        }
        view.appendChild(h('h2', { text: t('console.cities') }));
        if (!mine.length) { view.appendChild(h('p', { text: t('console.noCities') })); return; }
        view.appendChild(h('ul', { class: 'cards' }, mine.map(function (c) {
          return h('li', { class: 'card' }, h('h3', null, SC.link('console/' + enc(c.slug), c.name)),
            h('p', { text: (roles.cities[c.slug] || roles.platform).map(SC.roleName).join(', ') }));
        })));
      });
    });
  });

  /* /portal/console/-/{screen}: screens across cities (coordinator) */
  SC.route(function (seg) { return seg[0] === 'console' && seg[1] === '-' && seg.length === 3; }, function (view, seg) {
    return SC.auth.fresh().then(function (token) {
      if (!token) { return needLogin(view, location.pathname + location.search); }
      var roles = SC.auth.roles();
      var screen = SC.consoleScreens.filter(function (s) { return s.regional && s.id === seg[2]; })[0];
      if (!screen || !screen.offered(roles.platform, {})) { return SC.notFound(view); }
      SC.append(view, [h('p', { class: 'crumbs' }, SC.link('console', t('console.title'))), userBar(roles)]);
      return screen.render(view, null, { roles: roles.platform, modules: {} });
    });
  });

  /* /portal/console/{city}[/{screen}] */
  SC.route(function (seg) { return seg[0] === 'console' && seg[1] !== '-' && (seg.length === 2 || seg.length === 3); },
    function (view, seg) {
      var slug = seg[1];
      return SC.auth.fresh().then(function (token) {
        if (!token) { return needLogin(view, location.pathname + location.search); }
        return Promise.all([SC.city(slug), SC.modules(slug)]).then(function (r) {
          var ctx = { city: r[0], modules: r[1], roles: SC.cityRoles(slug) };
          SC.cityModules = null;
          var offered = SC.consoleScreens.filter(function (s) { return !s.regional && s.offered(ctx.roles, ctx.modules); });
          var current = seg[2] ? offered.filter(function (s) { return s.id === seg[2]; })[0] : null;
          SC.append(view, h('p', { class: 'crumbs' }, SC.link('console', t('console.title')), ' › ',
            SC.link('console/' + enc(slug), ctx.city.name)));
          view.appendChild(userBar(SC.auth.roles()));
          var nav = h('nav', { 'aria-label': t('console.screens') }, h('ul', { class: 'tabs' }, offered.map(function (s) {
            var a = SC.link('console/' + enc(slug) + '/' + s.id, t(s.title), { class: 'button' });
            if (current === s) { a.setAttribute('aria-current', 'page'); }
            return h('li', null, a);
          })));
          if (!current) {
            if (seg[2]) { return SC.notFound(view); }
            view.appendChild(h('h1', { text: t('console.cityTitle', { city: ctx.city.name }) }));
            view.appendChild(h('p', { text: t('console.roles', { roles: ctx.roles.map(SC.roleName).join(', ') || '–' }) }));
            view.appendChild(offered.length ? nav : h('p', { text: t('console.nothingOffered') }));
            return;
          }
          view.appendChild(nav);
          return current.render(view, slug, ctx);
        });
      });
    });

  /* ---- city admin: district boundary import (dry run with map preview and report first) ---- */
  SC.consoleScreens.push({
    id: 'boundaries', title: 'console.boundaries.title',
    offered: function (roles, modules) { return modules.districts && SC.has(roles, ['city-admin']); },
    render: function (view, slug) {
      var file = h('input', { type: 'file', id: 'geojson-file', accept: '.geojson,.json,application/geo+json' });
      var codeProperty = h('input', { type: 'text', id: 'code-property', autocomplete: 'off' });
      var codeTemplate = h('input', { type: 'text', id: 'code-template', autocomplete: 'off' });
      var nameProperty = h('input', { type: 'text', id: 'name-property', autocomplete: 'off' });
      var validFrom = h('input', { type: 'date', id: 'valid-from' });
      var report = h('div', { id: 'import-report', 'aria-live': 'polite' });
      var mapBox = h('div', { class: 'map', id: 'preview-map' });
      var importButton = h('button', { type: 'button', id: 'import', class: 'primary', disabled: true }, t('console.boundaries.import'));
      var text = null;
      var previewMap = null;

      function query(dry) {
        var q = new URLSearchParams();
        if (codeProperty.value) { q.set('codeProperty', codeProperty.value); }
        if (codeTemplate.value) { q.set('codeTemplate', codeTemplate.value); }
        if (nameProperty.value) { q.set('nameProperty', nameProperty.value); }
        if (validFrom.value) { q.set('validFrom', validFrom.value); }
        q.set('dryRun', String(dry));
        return q.toString();
      }
      function send(dry) {
        SC.clear(report).appendChild(h('p', { text: t('console.working') }));
        return SC.api('cities/' + enc(slug) + '/boundaries?' + query(dry), { method: 'POST', body: text,
          contentType: 'application/geo+json' }).then(function (r) {
          showReport(r, dry);
          importButton.disabled = !dry;
        }, function (err) {
          importButton.disabled = true;
          SC.clear(report).appendChild(h('p', { class: 'error', text: SC.problemText(err) }));
          var errors = err.problem && err.problem.errors;
          if (errors && errors.length) {
            report.appendChild(table([t('console.boundaries.index'), t('console.boundaries.code'), t('console.boundaries.reason')],
              errors.map(function (e) { return [String(e.index), e.code || '–', e.reason]; })));
            if (previewMap) { previewMap.select(errors[0].code); }
          }
        });
      }
      function showReport(r, dry) {
        SC.clear(report);
        report.appendChild(h('p', { class: 'ok', id: 'report-summary', text: t(dry ? 'console.boundaries.dryRunOk' : 'console.boundaries.imported',
          { n: SC.num(r.districts), warnings: SC.num(r.warningCount), number: r.boundary ? r.boundary.number : '–' }) }));
        if (r.warnings && r.warnings.length) {
          report.appendChild(table([t('console.boundaries.warning'), t('console.boundaries.codes'), t('console.boundaries.area')],
            r.warnings.map(function (w) { return [w.kind, (w.codes || []).join(', '), SC.num(w.areaM2)]; })));
        }
      }
      file.addEventListener('change', function () {
        var f = file.files[0];
        if (!f) { return; }
        f.text().then(function (s) {
          text = s;
          var fc;
          try { fc = JSON.parse(s); } catch (e) {
            SC.clear(report).appendChild(h('p', { class: 'error', text: t('console.boundaries.notJson') }));
            return;
          }
          (fc.features || []).forEach(function (x, i) {
            x.properties = x.properties || {};
            x.properties.code = String(x.properties[codeProperty.value] || x.properties.code || i);
          });
          SC.clear(mapBox);
          if (mapBox._leaflet_id) { previewMap.map.remove(); }
          SC.districtMap(mapBox, { geojson: fc, label: t('console.boundaries.preview') }).then(function (m) {
            previewMap = m;
            mapBox.setAttribute('data-loaded', 'true');
          });
          SC.clear(report).appendChild(h('p', { text: t('console.boundaries.loaded', { n: SC.num((fc.features || []).length) }) }));
        });
      });
      importButton.addEventListener('click', function () { send(false); });
      SC.append(view, [
        h('h1', { text: t('console.boundaries.title') }),
        h('p', { text: t('console.boundaries.intro') }),
        h('form', { id: 'import-form', onsubmit: function (e) {
          e.preventDefault();
          if (!text) { SC.clear(report).appendChild(h('p', { class: 'error', text: t('console.boundaries.noFile') })); return; }
          send(true);
        } },
        h('label', { for: 'geojson-file', text: t('console.boundaries.file') }), file,
        h('label', { for: 'code-property', text: t('console.boundaries.codeProperty') }), codeProperty,
        h('label', { for: 'code-template', text: t('console.boundaries.codeTemplate') }), codeTemplate,
        h('label', { for: 'name-property', text: t('console.boundaries.nameProperty') }), nameProperty,
        h('label', { for: 'valid-from', text: t('console.boundaries.validFrom') }), validFrom,
        h('p', null, h('button', { type: 'submit', id: 'dry-run' }, t('console.boundaries.dryRun')), ' ', importButton)),
        h('h2', { text: t('console.boundaries.preview') }), mapBox, report
      ]);
    }
  });

  /* ---- city admin: modules and their settings ----
     One form per module, one labelled field per setting key; the input follows the setting's type in the module's
     manifest (GET /api/modules: INTEGER → number, BOOLEAN → checkbox, DURATION/STRING → text) or, for a key the
     manifest does not describe, the value's own type (number, boolean, list → comma-separated text, else text).
     Only values that differ from the manifest's default are stored. A problem naming settings.<key> is shown beside
     that field. */
  function settingType(def, value) {
    if (def && def.type) { return def.type; }
    if (typeof value === 'boolean') { return 'BOOLEAN'; }
    if (typeof value === 'number') { return Number.isInteger(value) ? 'INTEGER' : 'NUMBER'; }
    if (Array.isArray(value)) { return 'LIST'; }
    return 'STRING';
  }
  /** The setting's label from the bundles (setting.<module>.<key>), else its key split into words. */
  function settingLabel(module, key) {
    var k = 'setting.' + module + '.' + key;
    var s = t(k);
    if (s !== k) { return s; }
    var words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_.]+/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.substring(1);
  }
  function sameValue(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function shown(type, v) {
    if (v === null || v === undefined) { return ''; }
    if (type === 'LIST') { return (Array.isArray(v) ? v : [v]).join(', '); }
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  function settingField(module, key, type, value, def) {
    var id = 'setting-' + module + '-' + key;
    var errId = id + '-error';
    var helpId = id + '-help';
    var input;
    if (type === 'BOOLEAN') {
      input = h('input', { type: 'checkbox', id: id, checked: value === true });
    } else if (type === 'INTEGER' || type === 'NUMBER') {
      input = h('input', { type: 'number', id: id, step: type === 'INTEGER' ? '1' : 'any', inputmode: type === 'INTEGER' ? 'numeric' : 'decimal',
        value: shown(type, value) });
    } else {
      input = h('input', { type: 'text', id: id, size: '40', value: shown(type, value), autocomplete: 'off' });
    }
    input.setAttribute('aria-describedby', helpId + ' ' + errId);
    input.setAttribute('data-setting', key);
    var help = [];
    if (type === 'DURATION') { help.push(t('settings.durationHelp')); }
    if (type === 'LIST') { help.push(t('settings.listHelp')); }
    if (def && def['default'] !== undefined) {
      help.push(t('settings.default', { value: type === 'BOOLEAN' ? t(def['default'] ? 'settings.yes' : 'settings.no') : shown(type, def['default']) }));
    }
    var helpEl = h('span', { class: 'help', id: helpId }, h('code', { text: key }), help.length ? ' · ' + help.join(' · ') : '');
    var error = h('span', { class: 'field-error', id: errId });
    var box = type === 'BOOLEAN'
      ? h('div', { class: 'setting' }, h('p', null, input, ' ', h('label', { for: id, class: 'inline-label', text: settingLabel(module, key) })), helpEl, error)
      : h('div', { class: 'setting' }, h('label', { for: id, text: settingLabel(module, key) }), input, helpEl, error);
    return {
      key: key, box: box, input: input,
      /** The value typed, or throws {message} for a value the field's type cannot hold. */
      read: function () {
        if (type === 'BOOLEAN') { return input.checked; }
        var s = input.value.trim();
        if (type === 'INTEGER' || type === 'NUMBER') {
          if (s === '' || !isFinite(Number(s))) { throw { message: input.validity && input.validity.badInput ? t('settings.notNumber') : t('settings.required') }; }
          return Number(s);
        }
        if (type === 'LIST') { return s ? s.split(',').map(function (x) { return x.trim(); }).filter(Boolean) : []; }
        return s;
      },
      error: function (text) {
        error.textContent = text || '';
        if (text) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); }
      }
    };
  }

  SC.consoleScreens.push({
    id: 'modules', title: 'console.modules.title',
    offered: function (roles) { return SC.has(roles, ['city-admin']); },
    render: function (view, slug) {
      return Promise.all([SC.api('cities/' + enc(slug) + '/modules'),
        SC.api('modules', { cache: true }).catch(function () { return []; })]).then(function (r) {
        var manifests = {};
        r[1].forEach(function (m) { manifests[m.id] = m; });
        SC.append(view, [h('h1', { text: t('console.modules.title') }), h('p', { text: t('console.modules.intro') })]);
        r[0].forEach(function (m) {
          var manifest = manifests[m.module] || { settings: [] };
          var defs = {};
          manifest.settings.forEach(function (s) { defs[s.key] = s; });
          var keys = manifest.settings.map(function (s) { return s.key; });
          Object.keys(m.settings || {}).forEach(function (k) { if (keys.indexOf(k) < 0) { keys.push(k); } });
          var out = h('p', { class: 'form-status', id: 'modules-status-' + m.module, 'aria-live': 'polite', tabindex: '-1' });
          var box = h('input', { type: 'checkbox', id: 'module-' + m.module, checked: m.enabled });
          var fields = keys.map(function (k) {
            var v = (m.settings || {})[k];
            return settingField(m.module, k, settingType(defs[k], v === undefined && defs[k] ? defs[k]['default'] : v), v, defs[k]);
          });
          var form = h('form', { class: 'card module-settings', id: 'module-form-' + m.module, novalidate: true, onsubmit: function (e) {
            e.preventDefault();
            out.textContent = '';
            out.className = 'form-status';
            var settings = {};
            var first = null;
            fields.forEach(function (f) {
              f.error('');
              try {
                var v = f.read();
                var d = defs[f.key];
                if (!d || !sameValue(v, d['default'])) { settings[f.key] = v; }
              } catch (x) {
                f.error(x.message);
                if (!first) { first = f; }
              }
            });
            if (first) { first.input.focus(); return; }
            SC.api('cities/' + enc(slug) + '/modules/' + enc(m.module), { method: 'PUT',
              body: { enabled: box.checked, settings: settings } }).then(function () {
              out.className = 'form-status ok';
              out.textContent = t('console.saved');
              SC.announce(t('console.saved'));
            }, function (err) {
              var field = err.problem && err.problem.field;
              var key = field && field.indexOf('settings.') === 0 ? field.substring(9) : null;
              var f = fields.filter(function (x) { return x.key === key; })[0];
              if (f) {
                f.error(SC.problemText(err).replace(/^settings\.[^:]*: /, ''));
                f.input.focus();
              } else {
                out.className = 'form-status error';
                out.textContent = SC.problemText(err);
                out.focus();
              }
            });
          } },
          h('h2', { text: SC.moduleName(m.module) }),
          h('p', null, box, ' ', h('label', { for: 'module-' + m.module, class: 'inline-label', text: t('console.modules.enabled') })),
          fields.length ? h('fieldset', null, h('legend', { text: t('console.modules.settings') }), fields.map(function (f) { return f.box; }))
            : h('p', { class: 'help', text: t('console.modules.noSettings') }),
          out,
          h('p', null, h('button', { type: 'submit', id: 'module-save-' + m.module }, t('console.save'))));
          view.appendChild(form);
        });
      });
    }
  });
  SC.moduleName = function (id) {
    var s = t('module.' + id);
    return s === 'module.' + id ? id : s;
  };

  /**
   * A labelled input for a console form: label, input (its id set), an optional help line and an error line beside
   * it (aria-describedby both); {@code field} is the API's name of the input, used by SC.formProblem.
   */
  SC.formField = function (id, label, input, field, help) {
    input.id = id;
    if (field) { input.setAttribute('data-field', field); }
    var err = h('span', { class: 'field-error', id: id + '-error' });
    var helpEl = help ? h('span', { class: 'help', id: id + '-help', text: help }) : null;
    input.setAttribute('aria-describedby', (help ? id + '-help ' : '') + id + '-error');
    if (input.type === 'checkbox') {
      return h('div', { class: 'setting' }, h('p', null, input, ' ', h('label', { for: id, class: 'inline-label', text: label })), helpEl, err);
    }
    return h('div', { class: 'setting' }, h('label', { for: id, text: label }), input, helpEl, err);
  };
  /** Shows an API problem (RFC 9457 naming "field") beside the form's input with that data-field, else in summary. */
  SC.formProblem = function (form, summary, err) {
    SC.clearProblems(form, summary);
    var field = err && err.problem && err.problem.field;
    var input = field ? form.querySelector('[data-field="' + field.replace(/"/g, '') + '"]') : null;
    var text = SC.problemText(err);
    if (field && text.indexOf(field + ': ') === 0) { text = text.substring(field.length + 2); }
    var beside = input && document.getElementById(input.id + '-error');
    if (beside) {
      beside.textContent = text;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    } else {
      summary.className = 'form-status error';
      summary.textContent = SC.problemText(err);
      summary.focus();
    }
  };
  SC.clearProblems = function (form, summary) {
    form.querySelectorAll('.field-error').forEach(function (x) { x.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (x) { x.removeAttribute('aria-invalid'); });
    if (summary) { summary.textContent = ''; summary.className = 'form-status'; }
  };

  /** A simple table: header texts and rows of cell texts (numbers right-aligned when given as {num}). */
  function table(head, rows) {
    return h('div', { class: 'table-wrap', tabindex: '0' }, h('table', null,
      h('thead', null, h('tr', null, head.map(function (x) { return h('th', { scope: 'col', text: x }); }))),
      h('tbody', null, rows.map(function (r) {
        return h('tr', null, r.map(function (c) { return h('td', null, c); }));
      }))));
  }
  SC.table = table;
})();
