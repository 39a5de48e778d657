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

  /* ---- offline basemap ------------------------------------------------------------------------- */
  var basemapPane = map.createPane("basemap");
  basemapPane.style.zIndex = 200;
  var districts = readJson("redtour-districts");
  L.geoJSON(districts, {
    pane: "basemap",
    style: function () {
      return { color: "#a89888", weight: 1, fillColor: "#f7f3ea", fillOpacity: 1 };
    },
    interactive: false,
  }).addTo(map);
  var labels = L.layerGroup().addTo(map);
  districts.features.forEach(function (f) {
    var p = f.properties;
    if (!p.label) return;
    var el = textEl("span", p.name, "district-label");
    L.marker([p.label[1], p.label[0]], {
      icon: L.divIcon({ className: "district-label-icon", html: el, iconSize: null }),
      interactive: false,
      keyboard: false,
    }).addTo(labels);
  });

  var metro = L.geoJSON(readJson("redtour-metro"), {
    pane: "basemap",
    style: function (f) {
      return { color: f.properties.colour || "#666", weight: 2.5, opacity: 0.85 };
    },
    onEachFeature: function (f, layer) {
      layer.bindTooltip(textEl("span", f.properties.name), { sticky: true });
    },
  }).addTo(map);

  L.control.layers(null, { "区界标注 District names": labels, "地铁线路 Metro": metro }, { collapsed: true }).addTo(map);

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

  function setVenues(list) {
    venueLayer.clearLayers();
    markers = {};
    list.forEach(function (v) {
      var m = L.circleMarker([v.lat, v.lon], {
        radius: 7,
        color: "#ffffff",
        weight: 2,
        fillColor: STATUS_COLOUR[v.status] || STATUS_COLOUR.unknown,
        fillOpacity: 0.95,
      });
      m.bindTooltip(textEl("span", v.name), { direction: "top", offset: [0, -6] });
      m.bindPopup(popupFor(v));
      m.on("click", function () { send({ type: "marker_clicked", id: v.id }); });
      m.addTo(venueLayer);
      markers[v.id] = m;
    });
    return list.length;
  }

  function selectVenue(id) {
    var m = markers[id];
    if (!m) return false;
    map.setView(m.getLatLng(), Math.max(map.getZoom(), 14), { animate: false });
    m.openPopup();
    return true;
  }

  /* ---- legend ---------------------------------------------------------------------------------- */
  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    var box = L.DomUtil.create("div", "map-legend");
    box.appendChild(textEl("div", "图例", "legend-title"));
    [["open", "当日开放"], ["reservation", "开放·需预约"], ["closed", "当日闭馆"], ["unknown", "开放时间待核实"]]
      .forEach(function (item) {
        var row = textEl("div", item[1], "legend-row");
        var dot = document.createElement("span");
        dot.className = "legend-dot";
        dot.style.background = STATUS_COLOUR[item[0]];
        row.insertBefore(dot, row.firstChild);
        box.appendChild(row);
      });
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

  function showRoute(route) {
    clearRoute();
    if (!route) return 0;
    var points = route.stops.map(function (s) { return [s.lat, s.lon]; });
    if (route.start) points.unshift(route.start);
    if (route.end) points.push(route.end);
    var legs = route.legs && route.legs.length ? route.legs : points.slice(1).map(function (p, i) {
      return [points[i], p];
    });
    legs.forEach(function (leg) {
      L.polyline(leg, { color: "#c0392b", weight: 4, opacity: 0.85 }).addTo(routeLayer);
    });
    if (route.start) {
      L.circleMarker(route.start, { radius: 6, color: "#222", fillColor: "#fff", fillOpacity: 1, weight: 3 })
        .bindTooltip(textEl("span", "出发")).addTo(routeLayer);
    }
    route.stops.forEach(function (s) {
      var el = textEl("div", s.number, "route-number");
      var m = L.marker([s.lat, s.lon], {
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
    if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [40, 40], animate: false });
    return route.stops.length;
  }

  /* ---- context menu ---------------------------------------------------------------------------- */
  var menu = null;
  function closeMenu() { if (menu) { menu.remove(); menu = null; } }
  map.on("contextmenu", function (e) {
    closeMenu();
    menu = document.createElement("div");
    menu.className = "map-menu";
    [["start_here", "从这里出发"], ["end_here", "到这里结束"], ["add_venue", "在这里添加场馆"]].filter(function (item) {
      return (config.menu || []).indexOf(item[0]) >= 0;
    }).forEach(function (item) {
      var b = textEl("button", item[1]);
      b.addEventListener("click", function (ev) {
        ev.stopPropagation();
        send({ type: "context", action: item[0], lat: e.latlng.lat, lon: e.latlng.lng });
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
    else map.setView([31.2304, 121.4737], 10);
  }

  window.redtour = {
    setVenues: setVenues,
    selectVenue: selectVenue,
    showRoute: showRoute,
    clearRoute: clearRoute,
    fitAll: fitAll,
    markerCount: function () { return Object.keys(markers).length; },
    marker: function (id) { return markers[id] || null; },
    map: map,
  };

  if (config.initial.venues.length) { setVenues(config.initial.venues); fitAll(); }
  if (config.initial.route) showRoute(config.initial.route);
  document.body.setAttribute("data-redtour-ready", "1");
  send({ type: "ready" });
})();
