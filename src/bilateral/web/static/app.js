// The dashboard's only script: the visual timeline (time axis, zoom, brush), quad-class toggles, the
// question box, and marking the targeted passage. Everything it writes goes in as text, never as markup.
"use strict";
(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var LANES = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "none"];
  var UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

  function clean(s) { return String(s == null ? "" : s).replace(UNSAFE, "\ufffd"); }
  function el(name, attrs, text) {
    var n = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text != null) { n.textContent = clean(text); }
    return n;
  }
  function svg(name, attrs, text) {
    var n = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text != null) { n.textContent = clean(text); }
    return n;
  }

  // --- quad classes: hide their events, and a year heading left with none -------------------------
  function applyQuads() {
    var hidden = {};
    document.querySelectorAll("input.quad-toggle").forEach(function (b) { hidden[b.value] = !b.checked; });
    document.querySelectorAll("li.event").forEach(function (li) {
      li.classList.toggle("hidden", !!hidden[li.dataset.quad]);
    });
    document.querySelectorAll("section.year").forEach(function (sec) {
      sec.classList.toggle("hidden", sec.querySelector("li.event:not(.hidden)") === null);
    });
  }

  // --- the passage a link points at ------------------------------------------------------------------
  function markTarget() {
    document.querySelectorAll("mark.hl.current").forEach(function (m) { m.classList.remove("current"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    var anchor = id ? document.getElementById(id) : null;
    if (!anchor || !anchor.classList.contains("anchor")) { return; }
    var next = anchor.nextElementSibling;
    while (next && next.classList.contains("anchor")) { next = next.nextElementSibling; }
    if (next && next.tagName === "MARK") { next.classList.add("current"); }
    anchor.scrollIntoView({block: "center"});
  }

  // --- the question box: /api/ask, the answer and each cited passage as a link -------------------------
  function passageLink(c) {
    var doc = c.doc_id || (c.document && c.document.doc_id);
    if (!doc) { return null; }
    var a = parseInt(c.char_start != null ? c.char_start : c.start, 10);
    var b = parseInt(c.char_end != null ? c.char_end : c.end, 10);
    var base = "/documents/" + encodeURIComponent(doc);
    return (a >= 0 && b > a) ? base + "?hl=" + a + "-" + b + "#hl" : base;
  }
  function fileName(p) {
    if (!p) { return ""; }
    var s = String(p).split(/[?#]/)[0].replace(/[\/\\]+$/, "");
    return s.split(/[\/\\]/).pop();
  }
  function showAnswer(box, d) {
    box.textContent = "";
    var text = typeof d.answer === "string" ? d.answer : (d.text || "");
    box.appendChild(el("p", {"class": "answer-text", id: "answer-text"}, text));
    var meta = [d.kind, d.basis].filter(function (x) { return typeof x === "string" && x; });
    if (meta.length) { box.appendChild(el("p", {"class": "answer-meta"}, meta.join(" · "))); }
    var list = el("ol", {"class": "citations"});
    (Array.isArray(d.citations) ? d.citations : []).forEach(function (c) {
      if (!c || typeof c !== "object") { return; }
      var href = passageLink(c);
      if (!href) { return; }
      var li = el("li");
      var quote = el("blockquote", {"class": "side"});
      quote.appendChild(el("p", {"class": "passage"}, "“" + (c.sentence || c.passage || c.text || "") + "”"));
      var foot = el("footer");
      var title = (c.title && String(c.title).trim()) || fileName(c.source_path) || c.doc_id;
      foot.appendChild(el("a", {"class": "citation-link", href: href}, title));
      if (c.published) { foot.appendChild(document.createTextNode(" (" + clean(c.published) + ")")); }
      quote.appendChild(foot);
      li.appendChild(quote);
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  function askBox() {
    var form = document.getElementById("ask-form");
    var box = document.getElementById("ask-answer");
    if (!form || !box || document.getElementById("answer")) { return; }
    form.addEventListener("submit", function (ev) {
      var q = document.getElementById("ask-q").value.trim();
      if (!q) { return; }
      ev.preventDefault();
      box.textContent = "Looking…";
      fetch("/api/ask?q=" + encodeURIComponent(q), {headers: {"Accept": "application/json"}})
        .then(function (r) { return r.json().then(function (d) { return {ok: r.ok, d: d}; }); })
        .then(function (res) {
          if (!res.ok) { box.textContent = clean(res.d.detail || "The question could not be answered."); return; }
          showAnswer(box, res.d);
        })
        .catch(function () { box.textContent = "The question could not be sent."; });
    });
  }

  // --- the visual timeline -------------------------------------------------------------------------
  function when(d) {
    var p = String(d).split("-");
    var y = parseInt(p[0], 10);
    if (p.length === 1) { return y + 0.5; }
    var m = parseInt(p[1], 10);
    var day = p.length > 2 ? parseInt(p[2], 10) : 15;
    return y + (m - 1) / 12 + (day - 1) / 372;
  }
  function isoMonth(t) {
    var y = Math.floor(t);
    var m = Math.min(12, Math.max(1, Math.floor((t - y) * 12) + 1));
    return y + "-" + (m < 10 ? "0" : "") + m;
  }
  function timeline() {
    var host = document.getElementById("timeline-plot");
    if (!host || !host.dataset.src) { return; }
    fetch(host.dataset.src, {headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (d) { drawTimeline(host, d); })
      .catch(function () { host.textContent = "The timeline could not be loaded."; });
  }
  function drawTimeline(host, d) {
    var items = d.mode === "events" ?
      d.events.map(function (e) { return {t: when(e.date), quad: e.quad, n: 1, label: e.date + " " + e.type + ": " + e.summary, id: e.id}; }) :
      d.counts.map(function (c) { return {t: when(c.period), quad: c.quad, n: c.n, label: c.period + ": " + c.n + " " + c.quad.replace(/_/g, " ")}; });
    if (!items.length) {
      host.appendChild(el("p", {"class": "empty"}, "No dated events."));
      host.setAttribute("data-mode", "empty");
      return;
    }
    var lo0 = Math.min.apply(null, items.map(function (i) { return i.t; }));
    var hi0 = Math.max.apply(null, items.map(function (i) { return i.t; }));
    if (hi0 - lo0 < 1) { lo0 -= 0.5; hi0 += 0.5; }
    var pad = (hi0 - lo0) * 0.03;
    var full = [lo0 - pad, hi0 + pad], view = full.slice();
    var W = 720, L = 118, R = 12, LANE = 26, TOP = 8, H = TOP + LANE * LANES.length + 34;
    var maxN = Math.max.apply(null, items.map(function (i) { return i.n; }));
    var brush = null, start = null;
    var apply = document.getElementById("brush-apply");
    var shown = document.getElementById("brush-range");

    function x(t) { return L + (t - view[0]) / (view[1] - view[0]) * (W - L - R); }
    function t(px) { return view[0] + (px - L) / (W - L - R) * (view[1] - view[0]); }
    function draw() {
      host.textContent = "";
      var s = svg("svg", {viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Events on a time axis, " +
        isoMonth(view[0]) + " to " + isoMonth(view[1])});
      LANES.forEach(function (q, i) {
        var y = TOP + i * LANE + LANE / 2;
        s.appendChild(svg("line", {"class": "grid", x1: L, x2: W - R, y1: y, y2: y, stroke: "#e5e8ec"}));
        s.appendChild(svg("text", {"class": "lane-label", x: L - 6, y: y + 4, "text-anchor": "end"}, q.replace(/_/g, " ")));
      });
      var span = view[1] - view[0];
      var step = span > 60 ? 10 : span > 24 ? 5 : span > 10 ? 2 : span > 3 ? 1 : span > 1.2 ? 0.25 : 1 / 12;
      var base = TOP + LANE * LANES.length;
      s.appendChild(svg("line", {"class": "axis", x1: L, x2: W - R, y1: base, y2: base, stroke: "#6b7580"}));
      for (var k = Math.ceil(view[0] / step) * step; k <= view[1]; k += step) {
        var label = step >= 1 ? String(Math.round(k)) : isoMonth(k + 0.001);
        s.appendChild(svg("line", {x1: x(k), x2: x(k), y1: base, y2: base + 5, stroke: "#6b7580"}));
        s.appendChild(svg("text", {"class": "lane-label", x: x(k), y: base + 20, "text-anchor": "middle"}, label));
      }
      items.forEach(function (i) {
        if (i.t < view[0] || i.t > view[1]) { return; }
        var lane = Math.max(0, LANES.indexOf(i.quad));
        var r = d.mode === "events" ? 5 : 2 + 8 * Math.sqrt(i.n / maxN);
        var c = svg("circle", {"class": "mark q-" + i.quad, cx: x(i.t).toFixed(1), cy: TOP + lane * LANE + LANE / 2, r: r.toFixed(1)});
        c.appendChild(svg("title", {}, i.label));
        if (i.id) { c.setAttribute("data-event", i.id); }
        s.appendChild(c);
      });
      if (brush) {
        s.appendChild(svg("rect", {"class": "brush", x: Math.min(brush[0], brush[1]), y: TOP, width: Math.abs(brush[1] - brush[0]), height: LANE * LANES.length}));
      }
      s.addEventListener("pointerdown", function (ev) { start = local(s, ev); brush = [start, start]; s.setPointerCapture(ev.pointerId); });
      s.addEventListener("pointermove", function (ev) {
        if (start === null) { return; }
        brush = [start, local(s, ev)];
        var r = s.querySelector("rect.brush");
        if (!r) { r = svg("rect", {"class": "brush", y: TOP, height: LANE * LANES.length}); s.appendChild(r); }
        r.setAttribute("x", Math.min(brush[0], brush[1])); r.setAttribute("width", Math.abs(brush[1] - brush[0]));
      });
      s.addEventListener("pointerup", function () {
        if (start === null) { return; }
        start = null;
        if (Math.abs(brush[1] - brush[0]) < 4) { brush = null; chosen(null); draw(); return; }
        var a = t(Math.min(brush[0], brush[1])), b = t(Math.max(brush[0], brush[1]));
        chosen([isoMonth(a), isoMonth(b)]);
      });
      host.appendChild(s);
    }
    function local(s, ev) {
      var box = s.getBoundingClientRect();
      return Math.max(L, Math.min(W - R, (ev.clientX - box.left) / box.width * W));
    }
    var range = null;
    function chosen(r) {
      range = r;
      if (apply) { apply.disabled = !r; }
      if (shown) { shown.textContent = r ? "selected " + r[0] + " to " + r[1] : ""; }
    }
    if (apply) {
      apply.addEventListener("click", function () {
        if (!range) { return; }
        document.getElementById("f-from").value = range[0];
        document.getElementById("f-to").value = range[1];
        document.getElementById("filters").submit();
      });
    }
    document.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var span = view[1] - view[0], mid = (view[0] + view[1]) / 2, how = b.dataset.zoom;
        if (how === "in" && span > 0.25) { view = [mid - span / 4, mid + span / 4]; }
        if (how === "out") { view = [Math.max(full[0], mid - span), Math.min(full[1], mid + span)]; }
        if (how === "left") { view = [view[0] - span / 4, view[1] - span / 4]; }
        if (how === "right") { view = [view[0] + span / 4, view[1] + span / 4]; }
        if (how === "reset") { view = full.slice(); }
        brush = null; chosen(null); draw();
      });
    });
    draw();
    host.setAttribute("data-mode", d.mode);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input.quad-toggle").forEach(function (b) { b.addEventListener("change", applyQuads); });
    window.addEventListener("hashchange", markTarget);
    markTarget();
    askBox();
    timeline();
  });
})();
