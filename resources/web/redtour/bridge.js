/* redtour map bridge: draws the offline basemap, venue markers and routes from JSON.
 * All text from data goes through textContent (never innerHTML); Python talks to us only through the
 * functions on window.redtour with JSON arguments, and we answer through one QWebChannel slot. */
(function () {
  "use strict";

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function textEl(tag, text, cls) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = text == null ? "" : String(text);
    return el;
  }

  var config = readJson("redtour-config");
  var TEXT = config.text || {};
  function T(key, fallback) { return TEXT[key] || fallback; }  // the page's own words, in the UI language
  var map = window[config.map];
  var outbox = [];
  var bridge = null;

  function send(message) {
    var text = JSON.stringify(message);
    if (bridge) bridge.receive(text);
    else outbox.push(text);
  }

  window.addEventListener("error", function (e) {
    send({ type: "error", message: String(e.message) + " @" + e.lineno });
  });

  if (config.channel && typeof QWebChannel !== "undefined" && window.qt && qt.webChannelTransport) {
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      outbox.splice(0).forEach(function (m) { bridge.receive(m); });
    });
  }

  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(config.attribution.replace(/</g, "&lt;"));

  /* ---- datum of what is shown -------------------------------------------------------------------
   * Data is WGS-84. Over a GCJ-02 base layer (AMap) every overlay is drawn shifted with the published
   * formula and every clicked point is shifted back (exact, by iteration), so markers sit on the right street. */
  var datum = "WGS-84";
  var GCJ_A = 6378245.0, GCJ_EE = 0.00669342162296594323;
  function outOfChina(lat, lon) { return !(lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271); }
  function gcjDelta(lat, lon) {
    var x = lon - 105.0, y = lat - 35.0, PI = Math.PI;
    var dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    dlat += (20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0 / 3.0;
    dlat += (20.0 * Math.sin(y * PI) + 40.0 * Math.sin(y / 3.0 * PI)) * 2.0 / 3.0;
    dlat += (160.0 * Math.sin(y / 12.0 * PI) + 320 * Math.sin(y * PI / 30.0)) * 2.0 / 3.0;
    var dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    dlon += (20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0 / 3.0;
    dlon += (20.0 * Math.sin(x * PI) + 40.0 * Math.sin(x / 3.0 * PI)) * 2.0 / 3.0;
    dlon += (150.0 * Math.sin(x / 12.0 * PI) + 300.0 * Math.sin(x / 30.0 * PI)) * 2.0 / 3.0;
    var rad = lat / 180.0 * PI, magic = 1 - GCJ_EE * Math.sin(rad) * Math.sin(rad), sq = Math.sqrt(magic);
    return [(dlat * 180.0) / ((GCJ_A * (1 - GCJ_EE)) / (magic * sq) * PI), (dlon * 180.0) / (GCJ_A / sq * Math.cos(rad) * PI)];
  }
  function wgsToGcj(lat, lon) {
    if (outOfChina(lat, lon)) return [lat, lon];
    var d = gcjDelta(lat, lon);
    return [lat + d[0], lon + d[1]];
  }
  function gcjToWgs(lat, lon) {
    if (outOfChina(lat, lon)) return [lat, lon];
    var w = [lat, lon];
    for (var i = 0; i < 30; i++) {
      var g = wgsToGcj(w[0], w[1]), elat = g[0] - lat, elon = g[1] - lon;
      w = [w[0] - elat, w[1] - elon];
      if (Math.abs(elat) < 1e-10 && Math.abs(elon) < 1e-10) break;
    }
    return w;
  }
  /* WGS-84 [lat, lon] → what to draw on the current base layer, and back. */
  function P(lat, lon) { return datum === "GCJ-02" ? wgsToGcj(lat, lon) : [lat, lon]; }
  function unP(lat, lon) { return datum === "GCJ-02" ? gcjToWgs(lat, lon) : [lat, lon]; }
  function PL(ll) { return P(ll[0], ll[1]); }
  function geoCoords(c) { var p = P(c[1], c[0]); return L.latLng(p[0], p[1]); }

  /* ---- offline basemap ------------------------------------------------------------------------- */
  var basemapPane = map.createPane("basemap");
  basemapPane.style.zIndex = 250;
  var districtData = readJson("redtour-districts");
  var metroData = readJson("redtour-metro");
  var tilesShown = false;
  var districts = L.featureGroup().addTo(map);
  var labels = L.layerGroup().addTo(map);
  var metro = L.featureGroup().addTo(map);

  function drawBasemap() {
    districts.clearLayers();
    labels.clearLayers();
    metro.clearLayers();
    L.geoJSON(districtData, {
      pane: "basemap",
      coordsToLatLng: geoCoords,
      style: function () {
        return tilesShown
          ? { color: "#8a6d5a", weight: 1.2, dashArray: "4 3", fill: false }
          : { color: "#a89888", weight: 1, fillColor: "#f7f3ea", fillOpacity: 1 };
      },
      interactive: false,
    }).addTo(districts);
    districtData.features.forEach(function (f) {
      var p = f.properties;
      if (!p.label) return;
      var el = textEl("span", p.name, "district-label");
      L.marker(P(p.label[1], p.label[0]), {
        icon: L.divIcon({ className: "district-label-icon", html: el, iconSize: null }),
        interactive: false,
        keyboard: false,
      }).addTo(labels);
    });
    L.geoJSON(metroData, {
      pane: "basemap",
      coordsToLatLng: geoCoords,
      style: function (f) {
        return { color: f.properties.colour || "#666", weight: 2.5, opacity: 0.85 };
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(textEl("span", f.properties.name), { sticky: true });
      },
    }).addTo(metro);
  }
  drawBasemap();

  /* ---- base layers: the offline basemap, and online tiles served through the app's tile store ------ */
  var baseLayers = {};
  var offlineBase = L.layerGroup();
  baseLayers["离线底图 Offline"] = offlineBase;
  var baseDatum = {};
  (config.tiles || []).forEach(function (p) {
    var group = L.layerGroup();
    p.layers.forEach(function (layer) {
      L.tileLayer(layer.url, { maxZoom: 18, maxNativeZoom: layer.max_zoom, attribution: p.attribution }).addTo(group);
    });
    baseLayers[p.name] = group;
    baseDatum[p.name] = p.datum;
  });
  offlineBase.addTo(map);
  var switcher = L.control.layers(baseLayers, { "区界标注 District names": labels, "地铁线路 Metro": metro },
                                  { collapsed: true }).addTo(map);
  var currentBase = "离线底图 Offline";

  function setBase(name) {
    if (!baseLayers[name]) return false;
    if (name !== currentBase) {
      map.removeLayer(baseLayers[currentBase]);
      baseLayers[name].addTo(map);  // fires baselayerchange → redraw
    }
    return true;
  }

  map.on("baselayerchange", function (e) {
    currentBase = e.name;
    var newDatum = baseDatum[e.name] || "WGS-84";
    var newTiles = e.name !== "离线底图 Offline";
    var center = map.getCenter();
    var wgsCenter = unP(center.lat, center.lng);
    var changed = newDatum !== datum || newTiles !== tilesShown;
    datum = newDatum;
    tilesShown = newTiles;
    if (changed) {
      drawBasemap();
      redrawOverlays();
      map.setView(P(wgsCenter[0], wgsCenter[1]), map.getZoom(), { animate: false });
    }
    send({ type: "base_layer", name: e.name, datum: datum });
  });

  /* ---- venue markers --------------------------------------------------------------------------- */
  var STATUS_COLOUR = { open: "#1b7f3b", closed: "#b3261e", reservation: "#e07b00", unknown: "#7a7a7a" };
  var venueLayer = L.featureGroup().addTo(map);
  var markers = {};

  function popupFor(v) {
    var box = document.createElement("div");
    box.className = "venue-popup";
    box.appendChild(textEl("div", v.name, "venue-name"));
    box.appendChild(textEl("div", v.status_text, "venue-status status-" + v.status));
    box.appendChild(textEl("div", v.address, "venue-address"));
    box.appendChild(textEl("div", v.hours, "venue-hours"));
    return box;
  }

  var lastVenues = [];
  var lastRoute = null;
  var noticeEl = null;  // the legend's line for the day, e.g. "2027年节假日安排未录入，仅按每周规则判断"

  function setNotice(text) {
    if (!noticeEl) return;
    noticeEl.textContent = text || "";
    noticeEl.style.display = text ? "" : "none";
  }

  function setVenues(list, notice) {
    lastVenues = list;
    if (notice !== undefined) setNotice(notice);
    venueLayer.clearLayers();
    markers = {};
    list.forEach(function (v) {
      var m = L.circleMarker(P(v.lat, v.lon), {
        radius: 7,
        color: "#ffffff",
        weight: 2,
        fillColor: STATUS_COLOUR[v.status] || STATUS_COLOUR.unknown,
        fillOpacity: 0.95,
      });
      m.venueName = v.name;
      bindLabel(m, labelsShown);
      m.bindPopup(popupFor(v));
      m.on("click", function () { selected = v.id; send({ type: "marker_clicked", id: v.id }); });
      m.addTo(venueLayer);
      markers[v.id] = m;
    });
    // A new day recolours the markers: the selected venue keeps its popup open.
    if (selected && markers[selected]) markers[selected].openPopup();
    return list.length;
  }

  /* Names as permanent labels once the map is close enough for them not to pile up (zoom 14+). */
  var LABEL_ZOOM = 14;
  var labelsShown = false;
  function bindLabel(m, permanent) {
    m.unbindTooltip();
    m.bindTooltip(textEl("span", m.venueName), {
      direction: "top", offset: [0, -6], permanent: permanent, className: permanent ? "venue-label" : "",
    });
  }
  map.on("zoomend", function () {
    var want = map.getZoom() >= LABEL_ZOOM;
    if (want === labelsShown) return;
    labelsShown = want;
    Object.keys(markers).forEach(function (id) { bindLabel(markers[id], want); });
  });

  var selected = null;
  function selectVenue(id) {
    selected = id;
    var m = markers[id];
    if (!m) { map.closePopup(); return false; }  // no location: no stale popup of the previous venue
    map.setView(m.getLatLng(), Math.max(map.getZoom(), 14), { animate: false });
    m.openPopup();
    return true;
  }

  /* ---- legend ---------------------------------------------------------------------------------- */
  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    var box = L.DomUtil.create("div", "map-legend");
    box.appendChild(textEl("div", T("legend", "图例"), "legend-title"));
    [["open", T("open", "当日开放")], ["reservation", T("reservation", "开放·需预约")],
     ["closed", T("closed", "当日闭馆")], ["unknown", T("unknown", "开放时间待核实")]]
      .forEach(function (item) {
        var row = textEl("div", item[1], "legend-row");
        var dot = document.createElement("span");
        dot.className = "legend-dot";
        dot.style.background = STATUS_COLOUR[item[0]];
        row.insertBefore(dot, row.firstChild);
        box.appendChild(row);
      });
    noticeEl = textEl("div", "", "legend-note day-notice");
    noticeEl.style.display = "none";
    box.appendChild(noticeEl);
    return box;
  };
  legend.addTo(map);

  /* ---- route overlay --------------------------------------------------------------------------- */
  var routeLayer = L.featureGroup().addTo(map);
  var routeLegend = null;

  function clearRoute() {
    routeLayer.clearLayers();
    if (routeLegend) { map.removeControl(routeLegend); routeLegend = null; }
  }

  function showRoute(route, keepView) {
    clearRoute();
    lastRoute = route || null;
    if (!route) return 0;
    var points = route.stops.map(function (s) { return P(s.lat, s.lon); });
    if (route.start) points.unshift(PL(route.start));
    if (route.end) points.push(PL(route.end));
    var legs = route.legs && route.legs.length ? route.legs.map(function (leg) { return leg.map(PL); })
      : points.slice(1).map(function (p, i) { return [points[i], p]; });
    legs.forEach(function (leg) {
      L.polyline(leg, { color: "#c0392b", weight: 4, opacity: 0.85 }).addTo(routeLayer);
    });
    if (route.start) {
      L.circleMarker(PL(route.start), { radius: 6, color: "#222", fillColor: "#fff", fillOpacity: 1, weight: 3 })
        .bindTooltip(textEl("span", T("start", "出发"))).addTo(routeLayer);
    }
    route.stops.forEach(function (s) {
      var el = textEl("div", s.number, "route-number");
      var m = L.marker(P(s.lat, s.lon), {
        icon: L.divIcon({ className: "route-number-icon", html: el, iconSize: [26, 26], iconAnchor: [13, 13] }),
        zIndexOffset: 1000,
      });
      m.bindTooltip(textEl("span", s.number + ". " + s.label + (s.detail ? "  " + s.detail : "")));
      m.addTo(routeLayer);
    });
    routeLegend = L.control({ position: "topright" });
    routeLegend.onAdd = function () {
      var box = L.DomUtil.create("div", "map-legend route-legend");
      box.appendChild(textEl("div", route.title, "legend-title"));
      route.stops.forEach(function (s) {
        box.appendChild(textEl("div", s.number + ". " + s.label + (s.detail ? "  " + s.detail : ""), "legend-row"));
      });
      (route.legend || []).forEach(function (line) { box.appendChild(textEl("div", line, "legend-note")); });
      return box;
    };
    routeLegend.addTo(map);
    if (points.length && !keepView) map.fitBounds(L.latLngBounds(points), { padding: [40, 40], animate: false });
    return route.stops.length;
  }

  /* ---- context menu ---------------------------------------------------------------------------- */
  var menu = null;
  function closeMenu() { if (menu) { menu.remove(); menu = null; } }
  map.on("contextmenu", function (e) {
    closeMenu();
    menu = document.createElement("div");
    menu.className = "map-menu";
    [["start_here", T("start_here", "从这里出发")], ["end_here", T("end_here", "到这里结束")],
     ["add_venue", T("add_venue", "在这里添加场馆")], ["place_venue", T("place_venue", "把所选场馆放在这里")]].filter(function (item) {
      return (config.menu || []).indexOf(item[0]) >= 0;
    }).forEach(function (item) {
      var b = textEl("button", item[1]);
      b.addEventListener("click", function (ev) {
        ev.stopPropagation();
        var w = unP(e.latlng.lat, e.latlng.lng);
        send({ type: "context", action: item[0], lat: w[0], lon: w[1] });
        closeMenu();
      });
      menu.appendChild(b);
    });
    menu.style.left = e.containerPoint.x + "px";
    menu.style.top = e.containerPoint.y + "px";
    map.getContainer().appendChild(menu);
    L.DomEvent.disableClickPropagation(menu);
  });
  map.on("click movestart", closeMenu);

  function fitAll() {
    var b = venueLayer.getBounds();
    if (b.isValid()) map.fitBounds(b, { padding: [30, 30], animate: false });
    else map.setView(P(31.2304, 121.4737), 10);
  }

  function redrawOverlays() {
    var open = null;
    Object.keys(markers).forEach(function (id) { if (markers[id].isPopupOpen()) open = id; });
    setVenues(lastVenues);
    if (lastRoute) showRoute(lastRoute, true);
    if (open && markers[open]) markers[open].openPopup();
  }

  /* ---- "painted": answered once everything sent before is drawn, so Python grabs a finished map ---- */
  function loaded(el) {
    return new Promise(function (done) {
      el.addEventListener("load", done, { once: true });
      el.addEventListener("error", done, { once: true });
    });
  }
  function tilesLoaded() {
    var loading = [];
    map.eachLayer(function (l) { if (l instanceof L.GridLayer && l.isLoading()) loading.push(l); });
    if (!loading.length) return Promise.resolve();
    return Promise.all(loading.map(function (l) {
      return new Promise(function (done) { l.once("load", done); });  // fired when every tile is in or failed
    })).then(tilesLoaded);  // a layer may have started more tiles meanwhile
  }
  var sentinel = null;  // one CSS pixel at the top left, recoloured for each report (mapping/commands.py)
  function showSentinel(colour) {
    if (!sentinel) {
      sentinel = document.createElement("div");
      sentinel.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;z-index:2147483647;pointer-events:none";
      document.body.appendChild(sentinel);
    }
    sentinel.style.background = colour;
  }
  function reportPainted(token, colour) {
    // Start every @font-face loading: one the layout has not asked for yet would leave fonts.ready early.
    Array.prototype.forEach.call(document.fonts, function (f) { if (f.status === "unloaded") f.load().catch(function () {}); });
    var images = Array.prototype.filter.call(document.images, function (i) { return !i.complete; }).map(loaded);
    Promise.all([document.fonts.ready, tilesLoaded()].concat(images)).then(function () {
      showSentinel(colour);
      // the first frame after this draws it all; the second one starts once that frame is handed over
      requestAnimationFrame(function () {
        requestAnimationFrame(function () { send({ type: "painted", token: token }); });
      });
    });
    return true;
  }

  window.redtour = {
    reportPainted: reportPainted,
    setVenues: setVenues,
    selectVenue: selectVenue,
    showRoute: showRoute,
    clearRoute: clearRoute,
    fitAll: fitAll,
    setBaseLayer: setBase,
    printMode: function () { document.body.classList.add("print-mode"); return true; },
    baseLayer: function () { return currentBase; },
    datum: function () { return datum; },
    toDisplay: P,
    fromDisplay: unP,
    markerCount: function () { return Object.keys(markers).length; },
    notice: function () { return noticeEl ? noticeEl.textContent : ""; },
    marker: function (id) { return markers[id] || null; },
    selected: function () { return selected; },
    labelsShown: function () { return labelsShown; },
    map: map,
  };

  if (config.initial.venues.length) { setVenues(config.initial.venues, config.initial.notice || ""); fitAll(); }
  if (config.initial.route) showRoute(config.initial.route);
  document.body.setAttribute("data-redtour-ready", "1");
  send({ type: "ready" });
})();
