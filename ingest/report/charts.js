// Draws the report's charts as inline SVG from the JSON block; no network, no libraries.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
                "#7f7f7f", "#bcbd22", "#17becf"];
  var data = JSON.parse(document.getElementById("report-data").textContent);

  function node(name, attrs, parent) {
    var el = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(el);
    return el;
  }
  function text(parent, x, y, value, attrs) {
    var t = node("text", Object.assign({x: x, y: y}, attrs || {}), parent);
    t.textContent = value;
    return t;
  }

  // series: [{name, points: [[xLabel, y], ...]}]; x positions are the sorted union of labels.
  function frame(holder, series, opts) {
    var W = 760, H = 300, L = 56, R = 170, T = 16, B = 48;
    var labels = [];
    series.forEach(function (s) { s.points.forEach(function (p) {
      if (labels.indexOf(p[0]) < 0) labels.push(p[0]); }); });
    labels.sort();
    var yMax = opts.yMax || Math.max(1, Math.max.apply(null, series.map(function (s) {
      return Math.max.apply(null, s.points.map(function (p) { return p[1]; }).concat([0])); })));
    var svg = node("svg", {viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "img",
                           "aria-label": opts.title}, holder);
    var f = {svg: svg, labels: labels, L: L, W: W - L - R, base: H - B,
             y: function (v) { return T + (H - T - B) * (1 - v / yMax); }};
    for (var g = 0; g <= 4; g++) {
      var v = yMax * g / 4;
      node("line", {x1: L, x2: W - R, y1: f.y(v), y2: f.y(v), stroke: "#ddd"}, svg);
      text(svg, L - 6, f.y(v) + 4, opts.format(v), {"text-anchor": "end", "font-size": 11});
    }
    series.forEach(function (s, k) {
      node("rect", {x: W - R + 12, y: T + k * 18, width: 12, height: 12,
                    fill: COLORS[k % COLORS.length]}, svg);
      text(svg, W - R + 30, T + k * 18 + 10, s.name, {"font-size": 12});
    });
    holder.setAttribute("data-drawn", String(series.length));
    return f;
  }
  function xLabels(f, center) {
    var step = Math.max(1, Math.ceil(f.labels.length / 8));
    f.labels.forEach(function (lab, i) {
      if (i % step === 0) text(f.svg, center(i), f.base + 16, lab.replace("T", " "),
                               {"text-anchor": "middle", "font-size": 10});
    });
  }
  function tip(el, s, p, opts) {
    node("title", {}, el).textContent = s.name + " " + p[0] + ": " + opts.format(p[1]);
  }

  // One line per series; a series never joins another's points.
  function lineChart(holder, series, opts) {
    var f = frame(holder, series, opts);
    var x = function (i) {
      return f.L + (f.labels.length < 2 ? f.W / 2 : i * f.W / (f.labels.length - 1)); };
    xLabels(f, x);
    series.forEach(function (s, k) {
      var color = COLORS[k % COLORS.length];
      var g = node("g", {"class": "series", "data-name": s.name}, f.svg);
      var pts = s.points.map(function (p) { return x(f.labels.indexOf(p[0])) + "," + f.y(p[1]); });
      node("polyline", {points: pts.join(" "), fill: "none", stroke: color, "stroke-width": 2}, g);
      s.points.forEach(function (p) {
        tip(node("circle", {cx: x(f.labels.indexOf(p[0])), cy: f.y(p[1]), r: 3, fill: color}, g),
            s, p, opts);
      });
    });
    return series.length;
  }

  // Bars side by side in each x slot, one per series, so equal values never hide each other.
  function barChart(holder, series, opts) {
    var f = frame(holder, series, opts);
    var slot = f.W / Math.max(1, f.labels.length);
    var bar = Math.max(2, slot * 0.8 / Math.max(1, series.length));
    xLabels(f, function (i) { return f.L + (i + 0.5) * slot; });
    series.forEach(function (s, k) {
      var g = node("g", {"class": "series", "data-name": s.name}, f.svg);
      s.points.forEach(function (p) {
        var left = f.L + f.labels.indexOf(p[0]) * slot + slot * 0.1 + k * bar;
        tip(node("rect", {x: left, y: f.y(p[1]), width: bar - 1, height: f.base - f.y(p[1]),
                          fill: COLORS[k % COLORS.length], "class": "bar"}, g), s, p, opts);
      });
    });
    return series.length;
  }

  var drawn = 0;
  var count = function (v) { return String(Math.round(v)); };
  var percent = function (v) { return Math.round(v * 100) + "%"; };
  if (data.per_hour.length) {
    drawn += barChart(document.getElementById("chart-per-hour"), data.per_hour,
                       {title: "new articles per hour per source", format: count}) ? 1 : 0;
  }
  if (data.fill.length) {
    drawn += lineChart(document.getElementById("chart-fill"), data.fill,
                       {title: "mean field fill rate per crawl, per source", format: percent, yMax: 1}) ? 1 : 0;
  }
  document.body.setAttribute("data-charts-drawn", String(drawn));
})();
