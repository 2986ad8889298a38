/* Safe City portal: staff login with OpenID Connect, authorization code flow with PKCE (RFC 7636, S256), against
   the Keycloak client configured in /portal/config.json (public client safecity-portal). Tokens live in
   sessionStorage (this tab only); logout ends the Keycloak session through its end-session endpoint. */
(function () {
  'use strict';
  var SC = window.SC;
  var KEY = 'sc.auth';
  var FLOW = 'sc.auth.flow';

  function b64url(bytes) {
    var s = '';
    bytes.forEach(function (b) { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function random(n) { return b64url(crypto.getRandomValues(new Uint8Array(n))); }
  function sha256(text) {
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (d) {
      return b64url(new Uint8Array(d));
    });
  }
  function decode(jwt) {
    try {
      var p = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(Array.prototype.map.call(atob(p), function (c) {
        return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
      }).join('')));
    } catch (e) { return {}; }
  }
  function stored() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch (e) { return null; }
  }
  function redirectUri() { return location.origin + '/portal/console/callback'; }
  function endpoint(config, path) { return config.issuer + '/protocol/openid-connect/' + path; }

  function save(tokens) {
    var s = { access: tokens.access_token, id: tokens.id_token || (stored() || {}).id, refresh: tokens.refresh_token,
      expiresAt: Date.now() + (tokens.expires_in || 300) * 1000 };
    sessionStorage.setItem(KEY, JSON.stringify(s));
    return s;
  }

  function tokenRequest(config, form) {
    return fetch(endpoint(config, 'token'), {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString()
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { throw { status: r.status, problem: { detail: j.error_description || j.error } }; }
        return save(j);
      });
    });
  }

  SC.auth = {
    /** The current access token, or null when not logged in (or expired). */
    token: function () {
      var s = stored();
      return s && s.access && s.expiresAt > Date.now() + 5000 ? s.access : null;
    },
    /** The access token's claims ({} when not logged in). */
    claims: function () {
      var tok = SC.auth.token();
      return tok ? decode(tok) : {};
    },
    /** Renews the access token with the refresh token when it expires within a minute. */
    fresh: function () {
      var s = stored();
      if (!s || !s.refresh || s.expiresAt > Date.now() + 60000) { return Promise.resolve(SC.auth.token()); }
      return SC.config().then(function (config) {
        return tokenRequest(config, { grant_type: 'refresh_token', refresh_token: s.refresh, client_id: config.clientId });
      }).then(function (n) { return n.access; }, function () { sessionStorage.removeItem(KEY); return null; });
    },
    /** Goes to Keycloak's login page; back at /portal/console/callback, then at returnTo. */
    login: function (returnTo) {
      return SC.config().then(function (config) {
        var verifier = random(48);
        var state = random(16);
        var nonce = random(16);
        sessionStorage.setItem(FLOW, JSON.stringify({ verifier: verifier, state: state, nonce: nonce,
          returnTo: returnTo || '/portal/console' }));
        return sha256(verifier).then(function (challenge) {
          var q = new URLSearchParams({ client_id: config.clientId, redirect_uri: redirectUri(), response_type: 'code',
            scope: 'openid', state: state, nonce: nonce, code_challenge: challenge, code_challenge_method: 'S256',
            ui_locales: SC.lang });
          location.assign(endpoint(config, 'auth') + '?' + q.toString());
        });
      });
    },
    /** Finishes the login at /portal/console/callback?code=&state=; answers the path to go on to. */
    callback: function () {
      var q = new URLSearchParams(location.search);
      var flow = JSON.parse(sessionStorage.getItem(FLOW) || 'null');
      sessionStorage.removeItem(FLOW);
      if (q.get('error')) { return Promise.reject({ problem: { detail: q.get('error_description') || q.get('error') } }); }
      if (!flow || flow.state !== q.get('state') || !q.get('code')) {
        return Promise.reject({ problem: { detail: SC.t('console.loginStateMismatch') } });
      }
      return SC.config().then(function (config) {
        return tokenRequest(config, { grant_type: 'authorization_code', code: q.get('code'), redirect_uri: redirectUri(),
          client_id: config.clientId, code_verifier: flow.verifier });
      }).then(function (s) {
        if (s.id && decode(s.id).nonce !== flow.nonce) {
          sessionStorage.removeItem(KEY);
          throw { problem: { detail: SC.t('console.loginStateMismatch') } };
        }
        return flow.returnTo;
      });
    },
    /** Forgets the tokens and ends the Keycloak session (RP-initiated logout), then back to the portal. */
    logout: function () {
      var s = stored() || {};
      sessionStorage.removeItem(KEY);
      return SC.config().then(function (config) {
        var q = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: location.origin + '/portal/' });
        if (s.id) { q.set('id_token_hint', s.id); }
        location.assign(endpoint(config, 'logout') + '?' + q.toString());
      });
    },
    /** The caller's roles: {platform: [...realm roles], cities: {slug: [roles]}} from groups / city_groups. */
    roles: function () {
      var c = SC.auth.claims();
      var cities = {};
      (c.city_groups || []).forEach(function (g) {
        var p = g.split('/').filter(Boolean);
        if (p.length === 2) { (cities[p[0]] = cities[p[0]] || []).push(p[1]); }
      });
      var platform = (c.groups || []).filter(function (r) { return r === 'platform-admin' || r === 'coordinator'; });
      return { platform: platform, cities: cities, name: c.name || c.preferred_username, username: c.preferred_username };
    }
  };
})();
