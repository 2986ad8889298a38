/* Safe City portal: the district map (Leaflet, bundled as a WebJar). Base-map tiles only when the server
   configures safecity.portal.tile-url; otherwise the districts are drawn on a plain background and the page
   reaches no tile server. Provisional boundaries are dashed and named in the legend. */
(function () {
  'use strict';
  var SC = window.SC;
  var h = SC.h;

  var STYLE = { color: '#1d4f91', weight: 1.5, fillColor: '#6f9fd8', fillOpacity: 0.12 };
  var PROVISIONAL = { color: '#8a4b00', weight: 1.5, dashArray: '6 4', fillColor: '#f2c36b', fillOpacity: 0.15 };
  var SELECTED = { color: '#b00020', weight: 3, fillOpacity: 0.3, fillColor: '#e57373' };

  /**
   * Draws the city's districts into container; options: city (slug), onPick(lat, lon) for a click or Enter,
   * only (a district code: draw that district alone, no clicks), geojson (a FeatureCollection to draw instead
   * of the city's export, e.g. an import preview). Returns a promise of {map, select(code), mark(lat, lon)}.
   */
  SC.districtMap = function (container, options) {
    return Promise.all([SC.config(), SC.leaflet()]).then(function (r) {
      var config = r[0];
      var map = L.map(container, {
        zoomControl: false, attributionControl: true, preferCanvas: false, zoomSnap: 0.25,
        scrollWheelZoom: !options.only, keyboard: true
      });
      map.attributionControl.setPrefix('Leaflet');
      L.control.zoom({ zoomInTitle: SC.t('map.zoomIn'), zoomOutTitle: SC.t('map.zoomOut') }).addTo(map);
      if (config.tileUrl) {
        L.tileLayer(config.tileUrl, { attribution: config.tileAttribution || '', maxZoom: 19 }).addTo(map);
      } else {
        container.classList.add('no-tiles');
      }
      container.setAttribute('aria-label', options.label || SC.t('map.label'));
      container.setAttribute('role', 'application');
      var source = options.geojson ? Promise.resolve(options.geojson)
        : SC.api('cities/' + encodeURIComponent(options.city) + '/districts.geojson?simplify=8', { cache: true });
      return source.then(function (fc) {
        var layers = {};
        var features = options.only
          ? fc.features.filter(function (f) { return f.properties.code === options.only; }) : fc.features;
        var layer = L.geoJSON({ type: 'FeatureCollection', features: features }, {
          interactive: false,
          style: function (f) { return f.properties.provisional ? PROVISIONAL : STYLE; },
          onEachFeature: function (f, l) { layers[f.properties.code] = l; }
        }).addTo(map);
        var bounds = layer.getBounds();
        if (bounds.isValid()) { map.fitBounds(bounds, { padding: [8, 8] }); } else { map.setView([49.8, 15.5], 7); }
        var marker = null;
        var selected = null;
        var api = {
          map: map,
          select: function (code) {
            if (selected) { selected.setStyle(selected.feature.properties.provisional ? PROVISIONAL : STYLE); }
            selected = layers[code] || null;
            if (selected) { selected.setStyle(SELECTED); selected.bringToFront(); }
          },
          mark: function (lat, lon) {
            if (marker) { marker.remove(); }
            marker = L.circleMarker([lat, lon], { radius: 7, color: '#000', weight: 2, fillColor: '#ffd400',
              fillOpacity: 1, interactive: false }).addTo(map);
          },
          hasProvisional: fc.features.some(function (f) { return f.properties.provisional; })
        };
        if (options.onPick) {
          map.on('click', function (e) { options.onPick(e.latlng.lat, e.latlng.lng); });
          container.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' && e.target === container) {
              var c = map.getCenter();
              options.onPick(c.lat, c.lng);
            }
          });
        }
        SC.currentMap = api;
        return api;
      });
    });
  };

  /** The map's legend (plain text, so the dashed boundaries are also said in words). */
  SC.mapLegend = function (hasProvisional) {
    var items = [h('li', null, h('span', { class: 'swatch imported', 'aria-hidden': 'true' }), SC.t('map.legend.district'))];
    if (hasProvisional) {
      items.push(h('li', null, h('span', { class: 'swatch provisional', 'aria-hidden': 'true' }),
        SC.t('map.legend.provisional')));
    }
    return h('ul', { class: 'legend' }, items);
  };
})();
