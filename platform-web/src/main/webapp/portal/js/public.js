/* Safe City portal: the public pages (no login): city list, city home with "find my district", district card. */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;
  var t = SC.t;

  function enc(s) { return encodeURIComponent(s); }
  function fold(s) { return (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }

  /** Texts in the current language; when there are none, those of another language marked with their lang. */
  function inLanguage(list) {
    var mine = list.filter(function (x) { return x.locale === SC.lang; });
    return mine.length ? mine : list;
  }

  SC.kindName = function (kind) {
    var s = t('kind.' + kind);
    return s === 'kind.' + kind ? kind : s;
  };
  SC.roleName = function (role) {
    var s = t('role.' + role);
    return s === 'role.' + role ? role : s;
  };

  /* ---- /portal/ : the onboarded cities ---- */
  SC.route(function (seg) { return seg.length === 0; }, function (view) {
    return SC.cities().then(function (cities) {
      SC.cityModules = null;
      var list = h('ul', { class: 'cards cities' });
      cities.forEach(function (c) {
        list.appendChild(h('li', { class: 'card' },
          h('h2', null, SC.link(enc(c.slug), c.name)),
          h('p', { text: t('city.population', { n: SC.num(c.population) }) })));
      });
      SC.append(view, [
        h('h1', { text: t('cities.title') }),
        h('p', { class: 'lead', text: t('cities.intro') }),
        cities.length ? list : h('p', { text: t('cities.none') })
      ]);
    });
  });

  /* ---- /portal/{city} : home, find my district, district list, contacts, recommendations ---- */
  SC.route(function (seg) { return seg.length === 1 && seg[0] !== 'console'; }, function (view, seg) {
    var slug = seg[0];
    return Promise.all([SC.city(slug), SC.modules(slug), SC.config()]).then(function (r) {
      var city = r[0];
      var modules = r[1];
      var config = r[2];
      SC.cityModules = modules;
      SC.chrome();
      SC.append(view, [
        h('h1', { text: city.name }),
        h('p', { class: 'lead', text: t('home.programme') }),
        h('p', { text: t('home.contactHow') })
      ]);
      if (modules.messaging) {
        view.appendChild(h('p', null, SC.link(enc(slug) + '/contact', t('home.writeUs'), { class: 'button' })));
      }
      if (modules.districts) {
        view.appendChild(findSection(slug, config));
        view.appendChild(districtListSection(slug));
      }
      view.appendChild(contactsSection(slug));
      view.appendChild(recommendationsSection(slug));
      (SC.homeExtras || []).forEach(function (f) { f(view, city, modules); });
    });
  });

  function findSection(slug, config) {
    var result = h('div', { class: 'result', id: 'find-result', 'aria-live': 'polite' });
    var mapBox = h('div', { class: 'map', id: 'district-map', tabindex: '0' });
    var legendBox = h('div');
    var mapApi = null;

    function showDistrict(d, lat, lon) {
      if (mapApi) { mapApi.select(d.code); }
      SC.clear(result).appendChild(h('div', { class: 'found' },
        h('p', null, t('find.yourDistrict') + ' ', h('strong', { text: d.name }),
          d.borough ? ' (' + d.borough.name + ')' : ''),
        d.provisional ? h('p', { class: 'badge provisional', text: t('district.provisional') }) : null,
        h('p', null, SC.link(enc(slug) + '/districts/' + enc(d.code), t('find.openCard'), { id: 'open-card' })),
        SC.cityModules && SC.cityModules.messaging ? h('p', null, SC.link(enc(slug) + '/contact?district=' + enc(d.code)
          + (lat !== undefined ? '&lat=' + lat.toFixed(6) + '&lon=' + lon.toFixed(6) : ''), t('find.writeHere'), { id: 'write-here' })) : null));
      SC.announce(t('find.yourDistrict') + ' ' + d.name);
    }

    function locate(lat, lon) {
      if (mapApi) { mapApi.mark(lat, lon); }
      SC.clear(result).appendChild(h('p', { text: t('find.searching') }));
      var q = '?lat=' + lat.toFixed(6) + '&lon=' + lon.toFixed(6) + '&geometry=false';
      return SC.api('cities/' + enc(slug) + '/districts/locate' + q).then(function (r) {
        if (r.nearBoundary && r.neighbours && r.neighbours.length) {
          var choices = [r.district].concat(r.neighbours);
          var box = h('div', { class: 'near', role: 'group', 'aria-labelledby': 'near-q' },
            h('p', { id: 'near-q', text: t('find.nearBoundary', { m: SC.num(r.edgeDistanceMetres) }) }));
          choices.forEach(function (c, i) {
            box.appendChild(h('button', { type: 'button', class: i === 0 ? 'primary' : '', 'data-code': c.code,
              onclick: function () { if (i === 0) { showDistrict(r.district, lat, lon); } else { showDistrict({ code: c.code, name: c.name }); } } },
              c.name + (i === 0 ? ' – ' + t('find.likely') : ' – ' + SC.metres(c.distanceMetres))));
          });
          SC.clear(result).appendChild(box);
          if (mapApi) { mapApi.select(r.district.code); }
          SC.announce(t('find.nearBoundary', { m: SC.num(r.edgeDistanceMetres) }));
        } else {
          showDistrict(r.district, lat, lon);
        }
      }, function (err) {
        if (err.status === 404 && err.problem && /outside-city/.test(err.problem.type || '')) {
          return regional(lat, lon, err.problem);
        }
        SC.clear(result).appendChild(h('p', { class: 'error', text: SC.problemText(err) }));
      });
    }

    function regional(lat, lon, problem) {
      return SC.api('locate?lat=' + lat.toFixed(6) + '&lon=' + lon.toFixed(6) + '&geometry=false')
        .then(function (r) {
          var other = r.city && r.city.slug !== slug && r.city.slug.indexOf('t-') !== 0;
          var box = h('div', { class: 'outside' }, h('p', { text: t('find.outside') }));
          if (other) {
            var d = r.located && r.located.district;
            box.appendChild(h('p', null, t('find.inOtherCity', { city: r.city.name }) + ' ',
              SC.link(enc(r.city.slug) + (d ? '/districts/' + enc(d.code) : ''),
                d ? t('find.otherCityCard', { district: d.name, city: r.city.name }) : r.city.name,
                { id: 'other-city' })));
          }
          SC.clear(result).appendChild(box);
          SC.announce(box.textContent);
        }, function () {
          var box = h('div', { class: 'outside' }, h('p', { text: t('find.outside') }));
          if (problem.nearest) {
            box.appendChild(h('p', { text: t('find.nearest', { name: problem.nearest.name,
              distance: SC.metres(problem.nearest.distanceMetres) }) }));
          }
          box.appendChild(h('p', { text: t('find.noOtherCity') }));
          SC.clear(result).appendChild(box);
          SC.announce(box.textContent);
        });
    }

    var geo = h('button', { type: 'button', id: 'use-location', onclick: function () {
      if (!navigator.geolocation) { SC.clear(result).appendChild(h('p', { text: t('find.noGeolocation') })); return; }
      SC.clear(result).appendChild(h('p', { text: t('find.searching') }));
      navigator.geolocation.getCurrentPosition(function (p) { locate(p.coords.latitude, p.coords.longitude); },
        function () { SC.clear(result).appendChild(h('p', { class: 'error', text: t('find.geolocationFailed') })); },
        { timeout: 15000 });
    } }, t('find.useLocation'));

    var lat = h('input', { id: 'lat', name: 'lat', type: 'text', inputmode: 'decimal', autocomplete: 'off', size: '10' });
    var lon = h('input', { id: 'lon', name: 'lon', type: 'text', inputmode: 'decimal', autocomplete: 'off', size: '10' });
    var coordError = h('p', { class: 'error', id: 'coord-error' });
    var coords = h('form', { class: 'inline', id: 'coords-form', onsubmit: function (e) {
      e.preventDefault();
      var a = parseFloat(String(lat.value).replace(',', '.'));
      var b = parseFloat(String(lon.value).replace(',', '.'));
      if (!isFinite(a) || !isFinite(b) || Math.abs(a) > 90 || Math.abs(b) > 180) {
        coordError.textContent = t('find.badCoordinates');
        lat.setAttribute('aria-invalid', 'true');
        lat.focus();
        return;
      }
      coordError.textContent = '';
      lat.removeAttribute('aria-invalid');
      locate(a, b);
    } },
    h('fieldset', null, h('legend', { text: t('find.coordinates') }),
      h('label', { for: 'lat', text: t('find.lat') }), lat,
      h('label', { for: 'lon', text: t('find.lon') }), lon,
      h('button', { type: 'submit' }, t('find.locate')), coordError));

    var placeInput = h('input', { id: 'place', name: 'place', type: 'search', autocomplete: 'off' });
    var placeResults = h('ul', { class: 'results', id: 'place-results' });
    var places = h('form', { class: 'inline', role: 'search', id: 'place-form', onsubmit: function (e) {
      e.preventDefault();
      searchPlaces(slug, placeInput.value, placeResults, locate);
    } },
    h('label', { for: 'place', text: t('find.place') }), placeInput,
    h('button', { type: 'submit' }, t('find.search')), placeResults);

    var address = null;
    if (config.geocoderUrl) {
      var addrInput = h('input', { id: 'address', name: 'address', type: 'search', autocomplete: 'street-address' });
      var addrResults = h('ul', { class: 'results', id: 'address-results' });
      address = h('form', { class: 'inline', role: 'search', id: 'address-form', onsubmit: function (e) {
        e.preventDefault();
        geocode(config.geocoderUrl, addrInput.value, addrResults, locate);
      } },
      h('label', { for: 'address', text: t('find.address') }), addrInput,
      h('button', { type: 'submit' }, t('find.search')), addrResults);
    }

    var section = h('section', { class: 'find', 'aria-labelledby': 'find-h' },
      h('h2', { id: 'find-h', text: t('find.title') }),
      h('p', { id: 'map-help', text: t('find.help') }),
      h('div', { class: 'find-grid' },
        h('div', { class: 'map-col' }, mapBox, legendBox),
        h('div', { class: 'controls' }, h('p', null, geo), places, address, coords, result)));
    mapBox.setAttribute('aria-describedby', 'map-help');
    SC.afterRender.push(function once() {
      SC.afterRender.splice(SC.afterRender.indexOf(once), 1);
      if (!document.body.contains(mapBox)) { return; }
      SC.districtMap(mapBox, { city: slug, onPick: locate }).then(function (m) {
        mapApi = m;
        legendBox.appendChild(SC.mapLegend(m.hasProvisional));
        mapBox.setAttribute('data-loaded', 'true');
      }).catch(function (err) { mapBox.appendChild(h('p', { class: 'error', text: SC.problemText(err) })); });
    });
    return section;
  }

  function searchPlaces(slug, query, out, locate) {
    var q = fold(query.trim());
    SC.clear(out);
    if (!q) { return; }
    Promise.all([
      SC.api('cities/' + enc(slug) + '/districts', { cache: true }),
      SC.api('cities/' + enc(slug) + '/contact-points', { cache: true }).catch(function () { return []; })
    ]).then(function (r) {
      var hits = [];
      r[0].districts.forEach(function (d) {
        if (fold(d.name).indexOf(q) >= 0 || fold(d.code) === q) {
          hits.push(h('li', null, SC.link(enc(slug) + '/districts/' + enc(d.code), d.name)));
        }
      });
      r[1].forEach(function (p) {
        if (fold(p.name).indexOf(q) >= 0 || fold(p.address).indexOf(q) >= 0) {
          hits.push(h('li', null, h('button', { type: 'button', class: 'link', onclick: function () {
            locate(p.lat, p.lon);
          } }, p.name + ' (' + SC.kindName(p.kind) + ')')));
        }
      });
      if (!hits.length) { out.appendChild(h('li', { text: t('find.noMatch') })); }
      SC.append(out, hits.slice(0, 20));
      SC.announce(t('find.matches', { n: hits.length }));
    });
  }

  /** Nominatim search API (…/search?q=&format=jsonv2): only with a configured geocoder. */
  function geocode(base, query, out, locate) {
    SC.clear(out);
    if (!query.trim()) { return; }
    var url = base.replace(/\/$/, '') + '/search?format=jsonv2&limit=5&q=' + enc(query) + '&accept-language=' + SC.lang;
    fetch(url).then(function (r) { return r.json(); }).then(function (list) {
      if (!list.length) { out.appendChild(h('li', { text: t('find.noMatch') })); }
      list.forEach(function (x) {
        out.appendChild(h('li', null, h('button', { type: 'button', class: 'link', onclick: function () {
          locate(parseFloat(x.lat), parseFloat(x.lon));
        } }, x.display_name)));
      });
    }, function () { out.appendChild(h('li', { class: 'error', text: t('find.geocoderFailed') })); });
  }

  function districtListSection(slug) {
    var box = h('section', { class: 'district-list', 'aria-labelledby': 'list-h' },
      h('h2', { id: 'list-h', text: t('list.title') }), h('p', { text: t('list.intro') }));
    SC.api('cities/' + enc(slug) + '/districts', { cache: true }).then(function (r) {
      var groups = {};
      var order = [];
      r.districts.forEach(function (d) {
        var b = d.borough ? d.borough.name : t('list.noBorough');
        if (!groups[b]) { groups[b] = []; order.push(b); }
        groups[b].push(d);
      });
      order.sort(function (a, b) { return a.localeCompare(b, SC.lang, { numeric: true }); });
      order.forEach(function (b) {
        var ul = h('ul', { class: 'columns' });
        groups[b].sort(function (x, y) { return x.code.localeCompare(y.code, SC.lang, { numeric: true }); })
          .forEach(function (d) {
            ul.appendChild(h('li', null, SC.link(enc(slug) + '/districts/' + enc(d.code), d.name),
              d.provisional ? ' (' + t('district.provisionalShort') + ')' : ''));
          });
        box.appendChild(h('details', null, h('summary', { text: b + ' (' + SC.num(groups[b].length) + ')' }), ul));
      });
    }).catch(function (err) { box.appendChild(h('p', { class: 'error', text: SC.problemText(err) })); });
    return box;
  }

  function placeItem(p) {
    return h('li', { class: 'place' },
      h('strong', { text: p.name }), ' – ', SC.kindName(p.kind),
      p.address ? h('br') : null, p.address || '',
      p.openingHours ? h('br') : null, p.openingHours ? t('place.hours', { hours: p.openingHours }) : '');
  }

  function contactsSection(slug) {
    var box = h('section', { 'aria-labelledby': 'contacts-h' }, h('h2', { id: 'contacts-h', text: t('contacts.title') }),
      h('p', { text: t('contacts.emergency') }));
    SC.api('cities/' + enc(slug) + '/contact-points', { cache: true }).then(function (list) {
      if (list.length) { box.appendChild(h('ul', { class: 'places' }, list.map(placeItem))); }
    }).catch(function () { /* module off: emergency numbers stay */ });
    return box;
  }

  function recommendationsSection(slug) {
    var box = h('section', { 'aria-labelledby': 'rec-h' }, h('h2', { id: 'rec-h', text: t('recommendations.title') }));
    SC.api('cities/' + enc(slug) + '/recommendations', { cache: true }).then(function (list) {
      renderRecommendations(box, list);
    }).catch(function () { box.appendChild(h('p', { text: t('recommendations.none') })); });
    return box;
  }

  function renderRecommendations(box, list) {
    list = inLanguage(list || []);
    if (!list.length) { box.appendChild(h('p', { text: t('recommendations.none') })); return; }
    box.appendChild(h('ul', { class: 'recommendations' }, list.map(function (r) {
      return h('li', { lang: r.locale }, h('h3', { text: r.title }), h('p', { text: r.text }));
    })));
  }

  /* ---- /portal/{city}/districts/{code} : the district card ---- */
  SC.route(function (seg) { return seg.length === 3 && seg[1] === 'districts'; }, function (view, seg) {
    var slug = seg[0];
    var code = seg[2];
    var base = 'cities/' + enc(slug) + '/districts/' + enc(code);
    return Promise.all([SC.city(slug), SC.modules(slug), SC.api(base)]).then(function (r) {
      var city = r[0];
      var d = r[2];
      SC.cityModules = r[1];
      SC.chrome();
      var mapBox = h('div', { class: 'map small', id: 'card-map' });
      var card = h('article', { class: 'district-card', 'aria-labelledby': 'card-h' },
        h('p', { class: 'crumbs' }, SC.link(enc(slug), city.name), ' › ', d.borough ? d.borough.name : ''),
        h('h1', { id: 'card-h', text: d.name }),
        h('p', { class: 'meta' }, t('district.code', { code: d.code }) + ' · ' +
          t('district.area', { km2: SC.num(d.areaM2 / 1e6, 2) }) + ' · ' +
          t('district.validFrom', { date: SC.date(d.boundary && d.boundary.validFrom) })),
        d.provisional ? h('p', { class: 'badge provisional', text: t('district.provisional') }) : null,
        h('p', { class: 'no-print' }, h('button', { type: 'button', id: 'print', onclick: function () { window.print(); } },
          t('district.print')),
        SC.cityModules.messaging ? ' ' : null,
        SC.cityModules.messaging ? SC.link(enc(slug) + '/contact?district=' + enc(d.code), t('district.writeUs'),
          { class: 'button' }) : null),
        workingGroupSection(d),
        stationsSection(d),
        h('section', { class: 'no-print', 'aria-labelledby': 'where-h' }, h('h2', { id: 'where-h', text: t('district.where') }),
          mapBox));
      var recBox = h('section', { 'aria-labelledby': 'rec-h' }, h('h2', { id: 'rec-h', text: t('recommendations.title') }));
      renderRecommendations(recBox, d.recommendations);
      card.appendChild(recBox);
      card.appendChild(riskSection(base));
      (SC.cardExtras || []).forEach(function (f) { f(card, city, d, SC.cityModules); });
      view.appendChild(card);
      if (d.geometry) {
        SC.afterRender.push(function once() {
          SC.afterRender.splice(SC.afterRender.indexOf(once), 1);
          var fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: d.geometry,
            properties: { code: d.code, provisional: d.provisional } }] };
          SC.districtMap(mapBox, { geojson: fc, label: t('map.districtLabel', { name: d.name }) })
            .then(function () { mapBox.setAttribute('data-loaded', 'true'); });
        });
      }
    });
  });

  function workingGroupSection(d) {
    var box = h('section', { 'aria-labelledby': 'wg-h' }, h('h2', { id: 'wg-h', text: t('district.workingGroup') }));
    var members = d.workingGroup || [];
    if (!members.length) { box.appendChild(h('p', { text: t('district.noWorkingGroup') })); return box; }
    box.appendChild(h('ul', { class: 'people' }, members.map(function (m) {
      var initials = (m.displayName || '?').replace(/\(.*\)/, '').split(/\s+/).filter(function (w) {
        return w && w[w.length - 1] !== '.';
      }).map(function (w) { return w[0]; }).join('').substring(0, 2);
      return h('li', { class: 'person' },
        m.photoUrl ? h('img', { src: m.photoUrl, alt: '', class: 'photo' })
          : h('span', { class: 'photo initials', 'aria-hidden': 'true', text: initials }),
        h('div', null,
          h('h3', { text: (m.title ? m.title + ' ' : '') + m.displayName }),
          h('p', { class: 'role', text: SC.roleName(m.role) + (m.institution ? ', ' + m.institution : '') }),
          m.phone ? h('p', null, t('person.phone') + ': ', h('a', { href: 'tel:' + m.phone.replace(/\s/g, ''), text: m.phone })) : null,
          m.email ? h('p', null, t('person.email') + ': ', h('a', { href: 'mailto:' + m.email, text: m.email })) : null,
          m.officeHours ? h('p', { text: t('person.officeHours') + ': ' + m.officeHours }) : null,
          m.vcard ? h('p', { class: 'no-print' }, h('a', { href: m.vcard, download: m.role + '.vcf',
            text: t('person.vcard', { name: m.displayName }) })) : null));
    })));
    return box;
  }

  function stationsSection(d) {
    var box = h('section', { 'aria-labelledby': 'st-h' }, h('h2', { id: 'st-h', text: t('district.stations') }));
    var list = d.stations || [];
    box.appendChild(list.length ? h('ul', { class: 'places' }, list.map(placeItem)) : h('p', { text: t('district.noStations') }));
    return box;
  }

  function riskSection(base) {
    var box = h('section', { class: 'no-print', 'aria-labelledby': 'risk-h' },
      h('h2', { id: 'risk-h', text: t('district.riskPlaces') }));
    SC.api(base + '/risk-places').then(function (list) {
      list = Array.isArray(list) ? list : (list.riskPlaces || list.items || []);
      if (!list.length) { box.appendChild(h('p', { text: t('district.noRiskPlaces') })); return; }
      box.appendChild(h('ul', null, list.map(function (p) {
        return h('li', null, h('strong', { text: SC.kindName(p.kind) }),
          p.status ? ' (' + t('risk.status.' + p.status) + ')' : '',
          p.reportedOn ? ', ' + t('risk.reported', { date: SC.date(p.reportedOn) }) : '',
          p.description ? h('br') : null, p.description || '');
      })));
    }).catch(function () { box.appendChild(h('p', { text: t('district.noRiskPlaces') })); });
    return box;
  }
})();
