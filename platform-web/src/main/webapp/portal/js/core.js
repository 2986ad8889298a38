/* Safe City portal: core (messages, formatting, DOM building, API calls, routing). Plain browser JavaScript,
   no build step; every other script adds its pages to window.SC. No inline scripts, no innerHTML with data. */
(function () {
  'use strict';
  var SC = window.SC = window.SC || {};
  var LANGS = ['cs', 'en'];
  var messages = {};
  var cache = {};

  /* ---- language and messages (i18n/<lang>.json) ---- */
  SC.lang = (function () {
    var q = new URLSearchParams(location.search).get('lang');
    if (LANGS.indexOf(q) >= 0) { /* a language in the link is a choice: kept for the next pages (and the login) */
      try { localStorage.setItem('sc.lang', q); } catch (e) { /* storage off */ }
      return q;
    }
    try {
      var s = localStorage.getItem('sc.lang');
      if (LANGS.indexOf(s) >= 0) { return s; }
    } catch (e) { /* storage off */ }
    return (navigator.language || 'cs').toLowerCase().indexOf('en') === 0 ? 'en' : 'cs';
  })();

  SC.loadMessages = function (lang) {
    if (messages[lang]) { return Promise.resolve(messages[lang]); }
    return fetch('/portal/i18n/' + lang + '.json').then(function (r) { return r.json(); })
      .then(function (m) { messages[lang] = m; return m; });
  };

  /** The message for key in the current language, {name} placeholders filled from args. */
  SC.t = function (key, args) {
    var m = messages[SC.lang] || {};
    var s = m[key];
    if (s === undefined) { s = (messages.cs || {})[key]; }
    if (s === undefined) { return key; }
    return s.replace(/\{(\w+)\}/g, function (all, name) {
      return args && args[name] !== undefined && args[name] !== null ? String(args[name]) : all;
    });
  };

  SC.setLang = function (lang) {
    SC.lang = lang;
    try { localStorage.setItem('sc.lang', lang); } catch (e) { /* storage off */ }
    var u = new URL(location.href);
    if (u.searchParams.has('lang')) { u.searchParams.set('lang', lang); history.replaceState(null, '', u); }
    return SC.loadMessages(lang).then(SC.render);
  };

  /* ---- formatting per locale (Intl) ---- */
  SC.num = function (n, digits) {
    if (n === null || n === undefined) { return '–'; }
    return new Intl.NumberFormat(SC.lang, { maximumFractionDigits: digits === undefined ? 0 : digits }).format(n);
  };
  SC.date = function (iso) {
    if (!iso) { return '–'; }
    var d = iso.length === 10 ? new Date(iso + 'T12:00:00') : new Date(iso);
    return new Intl.DateTimeFormat(SC.lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
  };
  SC.dateTime = function (iso, zone) {
    if (!iso) { return '–'; }
    return new Intl.DateTimeFormat(SC.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone || 'Europe/Prague' })
      .format(new Date(iso));
  };
  SC.metres = function (m) {
    return m >= 1000 ? SC.num(m / 1000, 1) + ' km' : SC.num(m) + ' m';
  };

  /* ---- DOM building: h('p', {class: 'x'}, 'text', child...) — text is always text, never markup ---- */
  SC.h = function (tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) { return; }
        if (k.indexOf('on') === 0 && typeof v === 'function') { el.addEventListener(k.substring(2), v); }
        else if (k === 'text') { el.textContent = v; }
        else { el.setAttribute(k, v === true ? '' : v); }
      });
    }
    for (var i = 2; i < arguments.length; i++) { SC.append(el, arguments[i]); }
    return el;
  };
  SC.append = function (el, c) {
    if (c === null || c === undefined || c === false) { return el; }
    if (Array.isArray(c)) { c.forEach(function (x) { SC.append(el, x); }); return el; }
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  };
  SC.clear = function (el) { while (el.firstChild) { el.removeChild(el.firstChild); } return el; };
  SC.announce = function (text) {
    var s = document.getElementById('status');
    s.textContent = '';
    setTimeout(function () { s.textContent = text; }, 50);
  };

  /* ---- HTTP API (same origin, /api/...) ---- */
  /** fetch JSON; rejects with {status, problem} for a non-2xx answer. opts: method, body (object), token, cache. */
  SC.api = function (path, opts) {
    opts = opts || {};
    var key = (opts.method || 'GET') + ' ' + path + ' ' + SC.lang;
    if (opts.cache && cache[key]) { return cache[key]; }
    var headers = { 'Accept': 'application/json', 'Accept-Language': SC.lang };
    var token = opts.token || (SC.auth && SC.auth.token && SC.auth.token());
    if (token && opts.token !== false) { headers.Authorization = 'Bearer ' + token; }
    var body = opts.body;
    if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') {
      body = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    } else if (body !== undefined) {
      headers['Content-Type'] = opts.contentType || 'application/json';
    }
    var p = fetch('/api/' + path, { method: opts.method || 'GET', headers: headers, body: body })
      .then(function (r) {
        var ct = r.headers.get('Content-Type') || '';
        var read = ct.indexOf('json') >= 0 ? r.json() : r.text();
        return read.then(function (data) {
          if (!r.ok) { throw { status: r.status, problem: data }; }
          return data;
        });
      });
    if (opts.cache) {
      cache[key] = p;
      p.catch(function () { delete cache[key]; });
    }
    return p;
  };
  SC.problemText = function (err) {
    if (err && err.problem && err.problem.detail) { return err.problem.detail; }
    if (err && err.status) { return SC.t('error.http', { status: err.status }); }
    return SC.t('error.network');
  };

  /** The public cities (never test cities, whose slugs start with "t-"), cached for the page's life. */
  SC.cities = function () {
    return SC.api('cities', { cache: true }).then(function (list) {
      return list.filter(function (c) { return c.slug.indexOf('t-') !== 0; });
    });
  };
  SC.city = function (slug) { return SC.api('cities/' + encodeURIComponent(slug), { cache: true }); };
  SC.modules = function (slug) {
    return SC.api('cities/' + encodeURIComponent(slug) + '/modules', { cache: true }).then(function (list) {
      var on = {};
      list.forEach(function (m) { if (m.enabled) { on[m.module] = m.settings || {}; } });
      return on;
    }, function () { return {}; });
  };
  /* ---- libraries loaded when a page needs them (maps, charts), so that pages without them stay light ---- */
  var loaded = {};
  /** Loads a script (and its stylesheet) once; answers a promise that resolves when it has run. */
  SC.require = function (js, css) {
    if (!loaded[js]) {
      if (css) { document.head.appendChild(SC.h('link', { rel: 'stylesheet', href: css })); }
      loaded[js] = new Promise(function (resolve, reject) {
        var s = SC.h('script', { src: js });
        s.addEventListener('load', resolve);
        s.addEventListener('error', reject);
        document.head.appendChild(s);
      });
    }
    return loaded[js];
  };
  SC.leaflet = function () {
    return SC.require('/webjars/leaflet/1.9.4/dist/leaflet.js', '/webjars/leaflet/1.9.4/dist/leaflet.css');
  };
  SC.uplot = function () {
    return SC.require('/webjars/uplot/1.6.30/dist/uPlot.iife.min.js', '/webjars/uplot/1.6.30/dist/uPlot.min.css');
  };

  SC.config = function () {
    if (!SC._config) {
      SC._config = fetch('/portal/config.json').then(function (r) { return r.json(); })
        .catch(function () { return {}; });
    }
    return SC._config;
  };

  /* ---- routing: /portal/<segments>; pages register with SC.route(test, render) ---- */
  var routes = [];
  SC.route = function (match, render) { routes.push({ match: match, render: render }); };
  SC.path = function () {
    return location.pathname.replace(/^\/portal\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  };
  SC.link = function (path, text, attrs) {
    var a = SC.h('a', Object.assign({ href: '/portal/' + path }, attrs || {}));
    SC.append(a, text);
    return a;
  };
  SC.go = function (path, replace) {
    if (replace) { history.replaceState(null, '', path); } else { history.pushState(null, '', path); }
    return SC.render(true);
  };

  var renderCount = 0;
  /** Renders the page for the current URL into <main>; focus goes to the new heading after a navigation. */
  SC.render = function (navigated) {
    var n = ++renderCount;
    document.documentElement.lang = SC.lang;
    var main = document.getElementById('main');
    var seg = SC.path();
    var route = null;
    for (var i = 0; i < routes.length && !route; i++) { if (routes[i].match(seg)) { route = routes[i]; } }
    SC.chrome();
    var view = SC.h('div', { class: 'view' });
    var done = route ? Promise.resolve(route.render(view, seg)) : Promise.resolve(SC.notFound(view));
    return done.catch(function (err) {
      SC.clear(view);
      SC.append(view, [SC.h('h1', { text: SC.t('error.title') }), SC.h('p', { class: 'error', text: SC.problemText(err) })]);
    }).then(function () {
      if (n !== renderCount) { return; }
      SC.clear(main).appendChild(view);
      var h1 = main.querySelector('h1');
      document.title = (h1 ? h1.textContent + ' – ' : '') + SC.t('site.name');
      if (navigated === true && h1) { h1.setAttribute('tabindex', '-1'); h1.focus(); }
      document.body.setAttribute('data-ready', String(n));
      (SC.afterRender || []).forEach(function (f) { f(view); });
    });
  };
  SC.afterRender = [];

  /** Calls fn once el is in the document (charts and maps need their size); gives up after ~10 s. */
  SC.whenAttached = function (el, fn) {
    var tries = 0;
    (function check() {
      if (document.body.contains(el)) { fn(); } else if (tries++ < 600) { requestAnimationFrame(check); }
    })();
  };

  SC.notFound = function (view) {
    SC.append(view, [SC.h('h1', { text: SC.t('error.notFound') }), SC.h('p', null, SC.link('', SC.t('nav.cities')))]);
  };

  /** Header, navigation, language switch and footer in the current language. */
  SC.chrome = function () {
    var seg = SC.path();
    var city = seg.length && seg[0] !== 'console' ? seg[0] : null;
    document.getElementById('skip-link').textContent = SC.t('skip');
    var brand = document.getElementById('brand');
    brand.textContent = SC.t('site.name');
    var nav = SC.clear(document.getElementById('nav'));
    nav.setAttribute('aria-label', SC.t('nav.label'));
    var items = [SC.link('', SC.t('nav.cities'))];
    if (city) {
      items.push(SC.link(encodeURIComponent(city), SC.t('nav.cityHome')));
      if (SC.cityModules && SC.cityModules.messaging) {
        items.push(SC.link(encodeURIComponent(city) + '/contact', SC.t('nav.contact')));
      }
      if (SC.cityModules && SC.cityModules.stats) {
        items.push(SC.link(encodeURIComponent(city) + '/statistics', SC.t('nav.statistics')));
      }
    }
    items.push(SC.link('console', SC.t('nav.console')));
    var ul = SC.h('ul');
    items.forEach(function (a) {
      if (location.pathname === a.getAttribute('href')) { a.setAttribute('aria-current', 'page'); }
      ul.appendChild(SC.h('li', null, a));
    });
    nav.appendChild(ul);
    var sw = document.getElementById('lang-switch');
    var other = SC.lang === 'cs' ? 'en' : 'cs';
    sw.textContent = other === 'en' ? 'English' : 'Česky';
    sw.setAttribute('lang', other);
    sw.setAttribute('aria-label', other === 'en' ? 'English – switch language' : 'Česky – přepnout jazyk');
    var footer = SC.clear(document.getElementById('footer'));
    footer.appendChild(SC.h('p', { text: SC.t('footer.text') }));
  };

  SC.start = function () {
    document.getElementById('lang-switch').addEventListener('click', function () {
      SC.setLang(SC.lang === 'cs' ? 'en' : 'cs');
    });
    document.addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('a');
      if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.hasAttribute('download')
        || a.target) { return; }
      var href = a.getAttribute('href') || '';
      if (href.indexOf('/portal/') === 0 && href.indexOf('.') < 0) {
        e.preventDefault();
        SC.go(href);
      }
    });
    window.addEventListener('popstate', function () { SC.render(true); });
    var seg = SC.path();
    if (seg.length && seg[0] !== 'console') { /* the city's data, fetched while the texts load */
      SC.city(seg[0]).catch(function () { return null; });
      SC.modules(seg[0]);
    }
    var langs = [SC.loadMessages(SC.lang)];
    if (SC.lang !== 'cs') { langs.push(SC.loadMessages('cs')); }
    Promise.all(langs).then(function () { return SC.render(false); });
  };
})();
