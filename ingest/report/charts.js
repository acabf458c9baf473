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
  function lineChart(holder, series, opts) {
    var W = 760, H = 300, L = 56, R = 170, T = 16, B = 48;
    var labels = [];
    series.forEach(function (s) { s.points.forEach(function (p) {
      if (labels.indexOf(p[0]) < 0) labels.push(p[0]); }); });
    labels.sort();
    var yMax = opts.yMax || Math.max(1, Math.max.apply(null, series.map(function (s) {
      return Math.max.apply(null, s.points.map(function (p) { return p[1]; }).concat([0])); })));
    var svg = node("svg", {viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "img",
                           "aria-label": opts.title}, holder);
    var x = function (i) { return L + (labels.length < 2 ? (W - L - R) / 2 : i * (W - L - R) / (labels.length - 1)); };
    var y = function (v) { return T + (H - T - B) * (1 - v / yMax); };
    for (var g = 0; g <= 4; g++) {
      var v = yMax * g / 4;
      node("line", {x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: "#ddd"}, svg);
      text(svg, L - 6, y(v) + 4, opts.format(v), {"text-anchor": "end", "font-size": 11});
    }
    var step = Math.max(1, Math.ceil(labels.length / 8));
    labels.forEach(function (lab, i) {
      if (i % step === 0) text(svg, x(i), H - B + 16, lab.replace("T", " "),
                               {"text-anchor": "middle", "font-size": 10});
    });
    series.forEach(function (s, k) {
      var color = COLORS[k % COLORS.length];
      var pts = s.points.map(function (p) { return x(labels.indexOf(p[0])) + "," + y(p[1]); });
      node("polyline", {points: pts.join(" "), fill: "none", stroke: color, "stroke-width": 2,
                        "class": "series"}, svg);
      s.points.forEach(function (p) {
        var c = node("circle", {cx: x(labels.indexOf(p[0])), cy: y(p[1]), r: 3, fill: color}, svg);
        node("title", {}, c).textContent = s.name + " " + p[0] + ": " + opts.format(p[1]);
      });
      node("rect", {x: W - R + 12, y: T + k * 18, width: 12, height: 12, fill: color}, svg);
      text(svg, W - R + 30, T + k * 18 + 10, s.name, {"font-size": 12});
    });
    holder.setAttribute("data-drawn", String(series.length));
    return series.length;
  }

  var drawn = 0;
  var count = function (v) { return String(Math.round(v)); };
  var percent = function (v) { return Math.round(v * 100) + "%"; };
  if (data.per_hour.length) {
    drawn += lineChart(document.getElementById("chart-per-hour"), data.per_hour,
                       {title: "new articles per hour per source", format: count}) ? 1 : 0;
  }
  if (data.fill.length) {
    drawn += lineChart(document.getElementById("chart-fill"), data.fill,
                       {title: "field fill rate per crawl", format: percent, yMax: 1}) ? 1 : 0;
  }
  document.body.setAttribute("data-charts-drawn", String(drawn));
})();
