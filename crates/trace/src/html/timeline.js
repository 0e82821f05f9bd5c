// gilvm timeline: draws the trace embedded in #trace-data on a canvas, one row per thread.
// Zoom: mouse wheel, + / -, double click. Pan: drag, arrow keys. 0: whole trace, b: busiest
// window. Spans narrower than a pixel are aggregated per pixel column, never dropped.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("trace-data").textContent);
  const KINDS = ["running", "waiting for the GIL", "blocked (GIL released)", "gc (collecting, holds the GIL)"];
  const COLOURS = ["#2ca02c", "#e4572e", "#a6c8e8", "#8c564b"];
  const NK = KINDS.length;
  const INSTANTS = { F: "forced switch", D: "drop request", P: "priority change" };
  const LABEL_W = 190, AXIS_H = 34, MIN_BAND = 3;
  const rowH = Math.max(6, Math.min(26, Math.floor(640 / Math.max(1, data.threads.length))));
  const barH = Math.max(4, rowH - (rowH > 12 ? 8 : 2));

  // Decode: starts are delta-encoded, kinds are a string of digits.
  const threads = data.threads.map(function (t) {
    const n = t.d.length, s = new Float64Array(n), e = new Float64Array(n), k = new Uint8Array(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      at += t.s[i]; s[i] = at; e[i] = at + t.d[i]; k[i] = t.k.charCodeAt(i) - 48;
    }
    return { tid: t.tid, name: t.name, s: s, e: e, k: k, it: t.it, ik: t.ik, ip: t.ip };
  });
  const duration = Math.max(1, data.duration);
  let v0 = data.view[0], v1 = Math.max(data.view[1], data.view[0] + 1);

  document.getElementById("title").textContent = data.title;
  // The GIL's configuration, unless the title already says it.
  if (data.title.indexOf(data.meta) < 0) document.getElementById("meta").textContent = data.meta;
  const legend = document.getElementById("legend");
  KINDS.forEach(function (name, i) {
    legend.insertAdjacentHTML("beforeend", '<span><i class="swatch" style="background:' +
      COLOURS[i] + '"></i>' + name + "</span>");
  });
  legend.insertAdjacentHTML("beforeend",
    '<span>▼ forced switch</span><span style="color:#ff9f1c">| drop request</span>' +
    '<span style="color:#7b2cbf">● priority change</span><span style="color:#888">(grey: neither holds nor asked for the GIL)</span>');

  const plot = document.getElementById("plot");
  const canvas = document.createElement("canvas");
  canvas.tabIndex = 0;
  plot.appendChild(canvas);
  const tip = document.getElementById("tip");
  const ctx = canvas.getContext("2d");
  let width = 800, columns = 600;

  function resize() {
    width = Math.max(400, plot.clientWidth || window.innerWidth - 40);
    columns = Math.max(100, width - LABEL_W - 10);
    const height = AXIS_H + rowH * threads.length + 6;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr); canvas.height = Math.round(height * dpr);
    canvas.style.width = width + "px"; canvas.style.height = height + "px";
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  function unitFor(ns) {
    if (ns >= 1e9) return ["s", 1e9];
    if (ns >= 1e6) return ["ms", 1e6];
    if (ns >= 1e3) return ["µs", 1e3];
    return ["ns", 1];
  }
  function fmt(ns) {
    const u = unitFor(Math.abs(ns) || 1);
    return (+(ns / u[1]).toFixed(3)) + " " + u[0];
  }
  function niceStep(span) {
    const raw = Math.max(1, span / 10);
    let mag = Math.pow(10, Math.floor(Math.log10(raw)));
    for (const m of [1, 2, 5, 10]) if (mag * m >= raw) return mag * m;
    return mag * 10;
  }
  // First span whose end is after t (ends are sorted: a thread's spans do not overlap).
  function firstEndingAfter(t, time) {
    let lo = 0, hi = t.e.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (t.e[mid] <= time) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function firstAtOrAfter(arr, time) {
    let lo = 0, hi = arr.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (arr[mid] < time) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // How many pixels of a column each kind gets: one kind fills it, several share it in
  // proportion, each at least MIN_BAND (as the SVG does).
  function stack(cover, out) {
    let present = 0, total = 0, most = 0;
    for (let k = 0; k < NK; k++) {
      if (cover[k] > 0) present++;
      total += cover[k];
      if (cover[k] > cover[most]) most = k;
    }
    out.fill(0);
    if (!present) return;
    if (present === 1) { out[most] = barH; return; }
    const spare = Math.max(0, barH - MIN_BAND * present);
    let used = 0;
    for (let k = 0; k < NK; k++) if (cover[k] > 0) { out[k] = MIN_BAND + Math.floor(spare * cover[k] / total); used += out[k]; }
    out[most] += Math.max(0, barH - used);
  }

  const cov = KINDS.map(function () { return new Float64Array(0); });
  const drawn = { rows: 0, painted: [] };

  function draw() {
    const nsPerPx = (v1 - v0) / columns;
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, width, canvas.height);
    // Axis.
    const step = niceStep(v1 - v0), unit = unitFor(step);
    ctx.strokeStyle = "#000"; ctx.fillStyle = "#000"; ctx.font = "12px sans-serif";
    ctx.textAlign = "left"; ctx.fillText("time (" + unit[0] + ")", 8, 14);
    ctx.textAlign = "center";
    for (let tick = Math.ceil(v0 / step) * step; tick <= v1; tick += step) {
      const x = LABEL_W + (tick - v0) / nsPerPx;
      ctx.beginPath(); ctx.moveTo(x + 0.5, AXIS_H - 10); ctx.lineTo(x + 0.5, AXIS_H - 4); ctx.stroke();
      ctx.fillText(String(+(tick / unit[1]).toFixed(3)), x, AXIS_H - 14);
    }
    ctx.beginPath(); ctx.moveTo(LABEL_W, AXIS_H - 4.5); ctx.lineTo(LABEL_W + columns, AXIS_H - 4.5); ctx.stroke();
    for (let k = 0; k < NK; k++) if (cov[k].length !== columns) cov[k] = new Float64Array(columns);
    const heights = new Array(NK).fill(0), cover = new Array(NK).fill(0);
    drawn.rows = 0; drawn.painted = [];
    threads.forEach(function (t, row) {
      const top = AXIS_H + row * rowH, barTop = top + (rowH - barH) / 2;
      ctx.textAlign = "right"; ctx.fillStyle = "#000";
      if (rowH >= 12) ctx.fillText(t.name.length > 28 ? t.name.slice(0, 27) + "…" : t.name, LABEL_W - 8, barTop + barH - 3);
      ctx.fillStyle = "#f0f0f0"; ctx.fillRect(LABEL_W, barTop, columns, barH);
      for (let k = 0; k < NK; k++) cov[k].fill(0);
      let painted = 0;
      for (let i = firstEndingAfter(t, v0); i < t.s.length && t.s[i] < v1; i++) {
        const x0 = Math.max(0, (t.s[i] - v0) / nsPerPx), x1 = Math.min(columns, (t.e[i] - v0) / nsPerPx);
        const c = cov[t.k[i]];
        const last = Math.min(columns, Math.max(Math.ceil(x1), Math.floor(x0) + 1));
        for (let col = Math.min(columns - 1, Math.floor(x0)); col < last; col++) {
          c[col] += Math.max(1e-9, Math.min(x1, col + 1) - Math.max(x0, col));
        }
        painted++;
      }
      // Runs of equal columns become one rectangle per kind.
      let runStart = 0, prev = new Array(NK).fill(0);
      const flush = function (end) {
        let y = barTop;
        for (let k = 0; k < NK; k++) {
          if (prev[k] > 0) { ctx.fillStyle = COLOURS[k]; ctx.fillRect(LABEL_W + runStart, y, end - runStart, prev[k]); y += prev[k]; }
        }
      };
      for (let col = 0; col < columns; col++) {
        for (let k = 0; k < NK; k++) cover[k] = cov[k][col];
        stack(cover, heights);
        if (heights.some(function (h, k) { return h !== prev[k]; })) {
          flush(col); runStart = col; prev = heights.slice();
        }
      }
      flush(columns);
      // Instants: one mark per kind per column.
      const seen = new Set();
      for (let i = firstAtOrAfter(t.it, v0); i < t.it.length && t.it[i] < v1; i++) {
        const col = Math.floor((t.it[i] - v0) / nsPerPx), key = col * 4 + "FDP".indexOf(t.ik[i]);
        if (seen.has(key)) continue;
        seen.add(key);
        const x = LABEL_W + col + 0.5;
        if (t.ik[i] === "F") { ctx.fillStyle = "#000"; ctx.beginPath(); ctx.moveTo(x - 4, barTop - 4); ctx.lineTo(x + 4, barTop - 4); ctx.lineTo(x, barTop + 3); ctx.fill(); }
        else if (t.ik[i] === "D") { ctx.strokeStyle = "#ff9f1c"; ctx.lineWidth = 2; ctx.beginPath(); ctx.moveTo(x, barTop + barH - 5); ctx.lineTo(x, barTop + barH + 3); ctx.stroke(); ctx.lineWidth = 1; }
        else { ctx.fillStyle = "#7b2cbf"; ctx.beginPath(); ctx.arc(x, barTop + barH / 2, 3, 0, 7); ctx.fill(); }
      }
      drawn.rows++; drawn.painted.push(painted);
    });
    document.getElementById("view").textContent = "showing " + fmt(v0) + " – " + fmt(v1) +
      " (" + fmt(v1 - v0) + ") of " + fmt(duration) + "; one pixel = " + fmt(nsPerPx);
    document.body.dataset.viewStart = String(Math.round(v0));
    document.body.dataset.viewEnd = String(Math.round(v1));
    scheduleSummary();
  }

  // The summary table for the part shown.
  let summaryTimer = null;
  function scheduleSummary() {
    if (summaryTimer !== null) clearTimeout(summaryTimer);
    summaryTimer = setTimeout(function () { summaryTimer = null; summary(); }, 120);
  }
  function pct(sorted, p) {
    if (!sorted.length) return 0;
    return sorted[Math.max(1, Math.ceil(p * sorted.length / 100)) - 1];
  }
  function summary() {
    const rows = threads.map(function (t) {
      let running = 0, blocked = 0, gc = 0, forced = 0, drops = 0;
      const waits = [];
      for (let i = firstEndingAfter(t, v0); i < t.s.length && t.s[i] < v1; i++) {
        const d = Math.min(t.e[i], v1) - Math.max(t.s[i], v0);
        if (t.k[i] === 0) running += d; else if (t.k[i] === 2) blocked += d;
        else if (t.k[i] === 3) gc += d; else waits.push(t.e[i] - t.s[i]);
      }
      for (let i = firstAtOrAfter(t.it, v0); i < t.it.length && t.it[i] < v1; i++) {
        if (t.ik[i] === "F") forced++; else if (t.ik[i] === "D") drops++;
      }
      waits.sort(function (a, b) { return a - b; });
      return "<tr><td>" + escapeHtml(t.name) + "</td><td>" + (100 * (running + gc) / (v1 - v0)).toFixed(1) +
        " %</td><td>" + waits.length + "</td><td>" + fmt(pct(waits, 50)) + "</td><td>" + fmt(pct(waits, 99)) +
        "</td><td>" + fmt(waits.length ? waits[waits.length - 1] : 0) + "</td><td>" + fmt(blocked) +
        "</td><td>" + fmt(gc) + "</td><td>" + forced + "</td><td>" + drops + "</td></tr>";
    });
    document.getElementById("summary-body").innerHTML = rows.join("");
  }
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  function setView(a, b) {
    const span = Math.min(duration, Math.max(100, b - a));
    a = Math.max(0, Math.min(a, duration - span));
    v0 = a; v1 = a + span;
    draw();
  }
  function zoomAt(fraction, factor) {
    const t = v0 + fraction * (v1 - v0);
    setView(t - (t - v0) * factor, t + (v1 - t) * factor);
  }
  function plotFraction(clientX) {
    const rect = canvas.getBoundingClientRect();
    return Math.min(1, Math.max(0, (clientX - rect.left - LABEL_W) / columns));
  }
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    zoomAt(plotFraction(ev.clientX), Math.pow(1.2, ev.deltaY / 100));
  }, { passive: false });
  canvas.addEventListener("dblclick", function (ev) { zoomAt(plotFraction(ev.clientX), 0.5); });
  let drag = null;
  canvas.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, v0: v0, v1: v1 }; canvas.focus(); });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    const dt = (ev.clientX - drag.x) * (drag.v1 - drag.v0) / columns;
    setView(drag.v0 - dt, drag.v1 - dt);
  });
  function onKey(ev) {
    const span = v1 - v0;
    switch (ev.key) {
      case "+": case "=": zoomAt(0.5, 0.5); break;
      case "-": case "_": zoomAt(0.5, 2); break;
      case "ArrowLeft": setView(v0 - span * 0.2, v1 - span * 0.2); break;
      case "ArrowRight": setView(v0 + span * 0.2, v1 + span * 0.2); break;
      case "0": case "Home": setView(0, duration); break;
      case "b": setView(data.busiest[0], data.busiest[1]); break;
      default: return;
    }
    ev.preventDefault();
  }
  canvas.addEventListener("keydown", onKey);
  document.addEventListener("keydown", function (ev) { if (ev.target === document.body) onKey(ev); });

  // Hover: the span under the pointer, or what a pixel aggregates.
  canvas.addEventListener("mousemove", function (ev) {
    const rect = canvas.getBoundingClientRect();
    const x = ev.clientX - rect.left - LABEL_W, y = ev.clientY - rect.top - AXIS_H;
    const row = Math.floor(y / rowH);
    if (drag || x < 0 || x >= columns || row < 0 || row >= threads.length) { tip.style.display = "none"; return; }
    const t = threads[row], nsPerPx = (v1 - v0) / columns;
    const a = v0 + Math.floor(x) * nsPerPx, b = a + nsPerPx;
    const hits = [];
    for (let i = firstEndingAfter(t, a); i < t.s.length && t.s[i] < b && hits.length < 100001; i++) hits.push(i);
    let text;
    if (!hits.length) text = t.name + "\nneither holds nor asked for the GIL\nat " + fmt(a);
    else if (hits.length === 1) {
      const i = hits[0];
      text = KINDS[t.k[i]] + "\nthread: " + t.name + "\nstart: " + fmt(t.s[i]) + "\nduration: " + fmt(t.e[i] - t.s[i]);
    } else {
      const per = [0, 0, 0], count = [0, 0, 0];
      hits.forEach(function (i) { per[t.k[i]] += Math.min(t.e[i], b) - Math.max(t.s[i], a); count[t.k[i]]++; });
      text = t.name + ": " + hits.length + " spans in this pixel (" + fmt(a) + " + " + fmt(nsPerPx) + ")";
      for (let k = 0; k < 3; k++) if (count[k]) text += "\n" + KINDS[k] + ": " + count[k] + " spans, " + fmt(per[k]);
    }
    tip.textContent = text;
    tip.style.display = "block";
    tip.style.left = Math.min(ev.clientX - rect.left + 14, width - 260) + "px";
    tip.style.top = (ev.clientY - rect.top + 14) + "px";
  });
  canvas.addEventListener("mouseleave", function () { tip.style.display = "none"; });
  window.addEventListener("resize", function () { resize(); draw(); });

  resize();
  draw();
  summary();

  // #selftest: check that each thread's row got pixels of a span colour, zoom and pan
  // through the real event handlers, and write the results into the page.
  if (location.hash === "#selftest") {
    const lines = [], failures = [];
    const check = function (ok, what) { lines.push((ok ? "ok " : "FAIL ") + what); if (!ok) failures.push(what); };
    check(drawn.rows === threads.length && threads.length > 0, "rows drawn: " + drawn.rows + " of " + threads.length);
    const dpr = window.devicePixelRatio || 1;
    threads.forEach(function (t, row) {
      const y = Math.round((AXIS_H + row * rowH + rowH / 2) * dpr);
      const pixels = ctx.getImageData(Math.round(LABEL_W * dpr), y, Math.round(columns * dpr), 1).data;
      let coloured = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
        if (!(r === g && g === b)) coloured++;
      }
      check(t.s.length === 0 || coloured > 0, "row " + row + " (" + t.name + "): " + t.s.length + " spans, " + coloured + " coloured pixels");
    });
    const before = [v0, v1];
    const rect = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new WheelEvent("wheel", { deltaY: -400, clientX: rect.left + LABEL_W + columns / 2, clientY: rect.top + AXIS_H + 2, bubbles: true, cancelable: true }));
    const zoomed = [v0, v1];
    check(zoomed[1] - zoomed[0] < (before[1] - before[0]) * 0.6, "wheel zoom: " + fmt(before[1] - before[0]) + " -> " + fmt(zoomed[1] - zoomed[0]));
    canvas.dispatchEvent(new KeyboardEvent("keydown", { key: "0", bubbles: true }));
    check(v0 === 0 && Math.abs(v1 - duration) < 1, "key 0 shows the whole trace");
    canvas.dispatchEvent(new KeyboardEvent("keydown", { key: "+", bubbles: true }));
    canvas.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    check(v0 > 0 && v1 - v0 < duration, "key + then ArrowRight: " + fmt(v0) + " – " + fmt(v1));
    const t0 = performance.now();
    setView(0, duration);
    const redraw = performance.now() - t0;
    let spans = 0;
    threads.forEach(function (t) { spans += t.s.length; });
    check(redraw < 2000, "whole-trace redraw of " + spans + " spans: " + redraw.toFixed(1) + " ms");
    summary();
    check(document.querySelectorAll("#summary-body tr").length === threads.length, "summary rows: " + document.querySelectorAll("#summary-body tr").length);
    const errors = window.__timelineErrors || [];
    check(errors.length === 0, "script errors: " + errors.length + (errors.length ? " (" + errors.join("; ") + ")" : ""));
    const out = document.getElementById("selftest");
    out.dataset.status = failures.length ? "fail" : "pass";
    out.textContent = (failures.length ? "SELFTEST FAIL\n" : "SELFTEST PASS\n") + lines.join("\n");
  }
})();
