// Mammo's viewer: plain JavaScript, no framework and nothing fetched from elsewhere (docs/web.md says why).
"use strict";

// The access token, when the server needs one: taken from the opened URL once, then sent with every request.
const token = new URLSearchParams(location.search).get("token") || sessionStorage.getItem("mammo-token");
if (token) sessionStorage.setItem("mammo-token", token);

const app = document.getElementById("app");
const status = document.getElementById("status");

function url(path) {
  return token ? path + (path.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token) : path;
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token) headers["X-Mammo-Token"] = token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body && body.error ? body.error : `${response.status} ${response.statusText}`);
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const svgNs = "http://www.w3.org/2000/svg";
function svg(tag, attributes = {}) {
  const node = document.createElementNS(svgNs, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

const fmt = (value, digits = 3) => value === null || value === undefined ? "n/a" : Number(value).toFixed(digits);
const kebab = text => text.replace(/-/g, " ");

// Replaces a node's children, leaving out the absent ones (a scan outside the run's split has no assignment line).
function fill(node, ...children) { node.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false)); }

function busy(text) { status.textContent = text || ""; }

function showError(where, error) {
  where.replaceChildren(el("p", { class: "error", role: "alert", text: error.message || String(error) }));
}

// ---------- shared data ----------
let scanListing = null;
async function scans() { return scanListing ??= await api("/api/scans"); }

const classCodes = { "calcification": "CALC", "circumscribed": "CIRC", "spiculated": "SPIC", "ill-defined": "MISC", "architectural-distortion": "ARCH", "asymmetry": "ASYM" };
const tissueNames = { "fatty": "fatty", "fatty-glandular": "fatty-glandular", "dense-glandular": "dense-glandular" };

// ---------- dataset page ----------
async function datasetPage() {
  const listing = await scans();
  const params = new URLSearchParams(location.hash.split("?")[1] || "");
  const filter = { cls: params.get("class") || "", severity: params.get("severity") || "", tissue: params.get("tissue") || "" };
  const select = (name, label, options) => el("label", {}, label,
    el("select", { id: `filter-${name}`, onchange: event => { filter[name === "class" ? "cls" : name] = event.target.value; update(); } },
      el("option", { value: "", text: "all" }),
      options.map(([value, text]) => el("option", { value, selected: (name === "class" ? filter.cls : filter[name]) === value, text }))));
  const counts = el("div", { class: "counts", id: "counts" });
  const grid = el("div", { class: "grid", id: "scan-grid" });
  app.replaceChildren(
    el("h1", { text: `Dataset · ${listing.count} scans (${listing.source})` }),
    el("div", { class: "filters" },
      select("class", "class", [...Object.entries(classCodes).map(([value, code]) => [value, `${code} · ${kebab(value)}`]), ["normal", "NORM · normal"]]),
      select("severity", "severity", [["benign", "benign"], ["malignant", "malignant"]]),
      select("tissue", "tissue", Object.entries(tissueNames))),
    counts, grid);

  const matches = scan =>
    (!filter.cls || (filter.cls === "normal" ? scan.normal : scan.classes.includes(filter.cls))) &&
    (!filter.severity || scan.severities.includes(filter.severity)) &&
    (!filter.tissue || scan.tissue === filter.tissue);

  function update() {
    const query = new URLSearchParams(Object.entries({ class: filter.cls, severity: filter.severity, tissue: filter.tissue }).filter(([, v]) => v));
    history.replaceState(null, "", "#/" + (query.toString() ? "?" + query : ""));
    const shown = listing.scans.filter(matches);
    const lesions = shown.reduce((n, s) => n + s.lesions, 0);
    const byClass = {};
    for (const scan of shown) for (const c of scan.normal ? ["normal"] : scan.classes) byClass[c] = (byClass[c] || 0) + 1;
    counts.replaceChildren(
      el("strong", { id: "shown-count", text: `${shown.length} of ${listing.count} scans` }), ` · ${lesions} lesions · scans by class: `,
      ...Object.entries(byClass).sort().map(([c, n]) => el("span", { text: `${classCodes[c] || "NORM"} ${n}` })));
    grid.replaceChildren(...shown.map(scan => el("a", { class: "card", href: `#/scan/${scan.id}`, "data-scan": scan.id },
      el("img", { src: url(`/api/scans/${scan.id}/thumbnail`), alt: scan.id, loading: "lazy", width: 160, height: 160 }),
      el("div", { class: "caption" }, el("span", { text: scan.id }),
        el("span", {}, scan.normal ? el("span", { class: "tag", text: "NORM" })
          : scan.classes.map(c => el("span", { class: `tag ${scan.severities.includes("malignant") ? "malignant" : "benign"}`, text: classCodes[c] })))))));
  }
  update();
}

// ---------- the viewer: zoom, pan, circles ----------
function createViewer({ image, width, height, lesions = [], onPick }) {
  const stage = el("div", { class: "stage" });
  const picture = el("img", { src: image, alt: "scan", draggable: "false" });
  const overlay = el("img", { class: "overlay", alt: "", hidden: true, draggable: "false" });
  const layer = svg("svg", { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none" });
  const labels = svg("g", { class: "lesions" });
  const regions = svg("g", { class: "regions" });
  const pick = svg("circle", { fill: "none", stroke: "#ffd600", "stroke-width": 3, "stroke-dasharray": "8 6", r: 0, visibility: "hidden" });
  layer.append(labels, regions, pick);
  stage.append(picture, overlay, layer);
  const frame = el("div", { class: "viewer", id: "viewer", title: "Click a point or drag a circle to classify it; wheel to zoom; Shift+drag or the Pan mode to move" }, stage);
  const view = { scale: 1, x: 0, y: 0, mode: "pick" };

  for (const lesion of lesions.filter(l => l.x !== null)) {
    const colour = lesion.severity === "malignant" ? "#ff3030" : "#00b0ff";
    const cy = height - lesion.y;
    labels.append(svg("circle", { cx: lesion.x, cy, r: lesion.radius, fill: "none", stroke: colour, "stroke-width": 3 }));
    const text = svg("text", { x: lesion.x + lesion.radius * 0.72 + 6, y: cy - lesion.radius * 0.72 - 6, fill: colour });
    text.textContent = lesion.label;
    labels.append(text);
  }

  function apply() {
    const side = frame.clientWidth;
    stage.style.width = stage.style.height = side + "px";
    stage.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    // Labels keep their size on screen whatever the zoom: about 15 px, in image pixels.
    const unit = width / side / view.scale;
    for (const text of layer.querySelectorAll("text")) { text.setAttribute("font-size", 15 * unit); text.setAttribute("stroke-width", 3 * unit); }
    for (const circle of layer.querySelectorAll("circle")) circle.setAttribute("stroke-width", 2.5 * unit);
  }
  function zoom(factor, cx = frame.clientWidth / 2, cy = frame.clientHeight / 2) {
    const next = Math.min(12, Math.max(1, view.scale * factor));
    view.x = cx - (cx - view.x) * next / view.scale;
    view.y = cy - (cy - view.y) * next / view.scale;
    view.scale = next;
    clamp();
    apply();
  }
  function clamp() {
    const side = frame.clientWidth;
    view.x = Math.min(0, Math.max(side - side * view.scale, view.x));
    view.y = Math.min(0, Math.max(side - side * view.scale, view.y));
  }
  // Screen point → image pixels (x from the left, row from the top).
  function toImage(event) {
    const box = frame.getBoundingClientRect();
    const side = frame.clientWidth;
    return { x: ((event.clientX - box.left - view.x) / view.scale) * width / side, row: ((event.clientY - box.top - view.y) / view.scale) * height / side };
  }

  frame.addEventListener("wheel", event => {
    event.preventDefault();
    const box = frame.getBoundingClientRect();
    zoom(event.deltaY < 0 ? 1.25 : 0.8, event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });

  let drag = null;
  frame.addEventListener("pointerdown", event => {
    frame.setPointerCapture(event.pointerId);
    const panning = view.mode === "pan" || event.shiftKey || event.button === 1;
    drag = { panning, startX: event.clientX, startY: event.clientY, x0: view.x, y0: view.y, from: toImage(event) };
  });
  frame.addEventListener("pointermove", event => {
    if (!drag) return;
    if (drag.panning) {
      view.x = drag.x0 + event.clientX - drag.startX;
      view.y = drag.y0 + event.clientY - drag.startY;
      clamp();
      apply();
    } else if (onPick) {
      const to = toImage(event);
      const r = Math.hypot(to.x - drag.from.x, to.row - drag.from.row);
      showPick(drag.from.x, drag.from.row, r);
    }
  });
  frame.addEventListener("pointerup", event => {
    if (!drag) return;
    const moved = Math.hypot(event.clientX - drag.startX, event.clientY - drag.startY);
    const was = drag;
    drag = null;
    if (was.panning || !onPick) return;
    const to = toImage(event);
    const r = moved < 5 ? null : Math.hypot(to.x - was.from.x, to.row - was.from.row);
    onPick(Math.round(was.from.x), Math.round(was.from.row), r === null ? null : Math.max(4, Math.round(r)));
  });
  window.addEventListener("resize", () => { clamp(); apply(); });

  function showPick(x, row, r) {
    pick.setAttribute("cx", x); pick.setAttribute("cy", row); pick.setAttribute("r", Math.max(r, 2));
    pick.setAttribute("visibility", "visible");
    apply();
  }

  requestAnimationFrame(apply);
  return {
    element: frame,
    zoom, reset() { view.scale = 1; view.x = 0; view.y = 0; apply(); },
    setMode(mode) { view.mode = mode; frame.style.cursor = mode === "pan" ? "grab" : "crosshair"; },
    showLesions(on) { labels.style.display = on ? "" : "none"; },
    showPick,
    setOverlay(source) { overlay.src = source; overlay.hidden = !source; },
    overlayVisible(on) { overlay.style.display = on ? "" : "none"; },
    overlayOpacity(value) { overlay.style.opacity = value; },
    setRegions(list, onClick) {
      regions.replaceChildren();
      for (const region of list) {
        regions.append(svg("circle", { cx: region.x, cy: region.row, r: region.radius, fill: "none", stroke: "#00ff66", "stroke-width": 3 }));
        const text = svg("text", { x: region.x - 7, y: region.row + 8, fill: "#00ff66" });
        text.textContent = String(region.rank);
        regions.append(text);
      }
      apply();
    },
    // Centres a circle and zooms so that it fills about a third of the view (never zooming out).
    centreOn(x, row, r) {
      view.scale = Math.max(view.scale, Math.min(8, width / (6 * Math.max(r || 48, 8))));
      const side = frame.clientWidth;
      view.x = side / 2 - x * side / width * view.scale;
      view.y = side / 2 - row * side / height * view.scale;
      clamp(); apply();
    },
  };
}

// ---------- prediction panel ----------
function standingText(heldOut, detector) {
  const auc = (a, lo, hi) => a === null || a === undefined ? "n/a" : `${fmt(a)} (95% CI ${fmt(lo)}–${fmt(hi)})`;
  const parts = [el("div", { class: "standing", "data-testid": "standing" },
    `held-out AUC of this run: ${auc(heldOut.auc, heldOut.auc_lower, heldOut.auc_upper)}`,
    heldOut.baseline_name ? `; ${heldOut.baseline_name} baseline ${auc(heldOut.baseline_auc, heldOut.baseline_lower, heldOut.baseline_upper)}` : "")];
  if (detector && detector !== "network") parts.push(el("div", { class: "standing", "data-testid": "detector-standing",
    text: `scored by the ${detector} detector; the feature detector's held-out AUC on the same test regions: ${auc(heldOut.feature_detector_auc, heldOut.feature_detector_lower, heldOut.feature_detector_upper)}` }));
  if (heldOut.leaky) parts.push(el("div", { class: "standing warn", text: "trained under the leaky protocol (the original study's): its test numbers overstate it, and no honest estimate exists" }));
  else if (!heldOut.better_than_chance) parts.push(el("div", { class: "standing warn", text: "not better than chance on held-out patients: read this answer as noise" }));
  if (heldOut.baseline_better) parts.push(el("div", { class: "standing warn", text: `the ${heldOut.baseline_name} baseline does better than this network on the same held-out patients` }));
  return parts;
}

function assignmentText(scan) {
  if (!scan) return null;
  return el("div", { class: scan.held_out ? "standing" : "standing warn", text: scan.held_out
    ? `${scan.scan_id} is a held-out scan of this run${scan.fold !== null && scan.fold !== undefined ? ` (fold ${scan.fold}'s model, which never saw patient ${scan.patient.number}, answers)` : ""}`
    : `this run trained on this patient (${scan.scan_id}): the answer is not a held-out one` });
}

async function createPredictPanel(viewer, target) {
  const runs = (await api("/api/runs")).filter(r => r.kind === "run" && r.complete);
  const panel = el("div", { class: "panel", id: "predict-panel" });
  if (runs.length === 0) {
    panel.append(el("h2", { text: "Predict" }), el("p", { class: "muted", text: "No complete run under the runs folder: train one (mammo train) to classify regions here." }));
    return { element: panel, classify() {} };
  }
  const saved = sessionStorage.getItem("mammo-run");
  const runSelect = el("select", { id: "run-select" }, runs.map(r => el("option", { value: r.name, selected: r.name === saved, text: `${r.name} (${r.task}${r.held_out && r.held_out.auc !== null ? `, AUC ${fmt(r.held_out.auc, 2)}` : ""})` })));
  // The feature and combined detectors exist only for a detect run that stored its feature detector.
  const detectorSelect = el("select", { id: "detector-select" }, ["combined", "network", "features"].map(d => el("option", { value: d, text: d })));
  const detectorLabel = el("label", { id: "detector-label", title: "what scores the heat map's windows: the run's network, its stored feature detector, or the mean of both log-odds" }, "detector ", detectorSelect);
  const syncDetector = () => {
    const run = runs.find(r => r.name === runSelect.value);
    const stored = run && run.held_out && run.held_out.feature_detector_auc !== null && run.held_out.feature_detector_auc !== undefined;
    detectorLabel.hidden = !stored;
    detectorSelect.value = stored ? "combined" : "network";
  };
  syncDetector();
  runSelect.addEventListener("change", () => { sessionStorage.setItem("mammo-run", runSelect.value); syncDetector(); });
  const radius = el("input", { id: "radius", type: "number", min: 4, max: 500, value: 48, style: "width:5rem" });
  const answer = el("div", { class: "answer", id: "answer", "aria-live": "polite" });
  const regionList = el("div", { id: "regions" });
  const heatButton = el("button", { id: "heatmap-button", type: "button", text: "Heat map" });
  const overlayToggle = el("input", { id: "overlay-toggle", type: "checkbox", checked: true, disabled: true });
  const opacity = el("input", { id: "overlay-opacity", type: "range", min: 0, max: 1, step: 0.05, value: 0.4, disabled: true });
  overlayToggle.addEventListener("change", () => viewer.overlayVisible(overlayToggle.checked));
  opacity.addEventListener("input", () => viewer.overlayOpacity(opacity.value));
  viewer.overlayOpacity(opacity.value);

  async function classify(x, row, r) {
    r = r || Number(radius.value) || 48;
    viewer.showPick(x, row, r);
    answer.replaceChildren(el("p", { class: "muted", text: `classifying x ${x}, row ${row}, r ${r}…` }));
    try {
      const started = performance.now();
      const result = await api("/api/predict", { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify(Object.assign({ run: runSelect.value, x, y: row, r, origin: "top-left" }, target)) });
      const ms = Math.round(performance.now() - started);
      const rows = Object.entries(result.probabilities).map(([name, p]) => el("tr", {},
        el("td", { text: name }), el("td", { class: "num", text: fmt(p) }), el("td", { style: "width:45%" }, el("div", { class: "bar", style: `width:${(p * 100).toFixed(1)}%` }))));
      fill(answer,
        el("div", {}, el("span", { class: "label", id: "predicted-label", text: result.label }),
          el("span", { class: "muted", text: ` · ${result.task}, x ${Math.round(result.x)}, y ${Math.round(result.y)} (MIAS), r ${Math.round(result.radius)} · mean over ${result.variants} variants${result.models > 1 ? ` and ${result.models} fold models` : ""} · ${ms} ms` })),
        el("table", { id: "probabilities" }, el("tr", {}, el("th", { text: "class" }), el("th", { class: "num", text: "probability" }), el("th")), rows),
        assignmentText(result.scan), ...standingText(result.held_out));
    } catch (error) { showError(answer, error); }
  }

  heatButton.addEventListener("click", async () => {
    heatButton.disabled = true;
    busy("mapping the scan…");
    regionList.replaceChildren(el("p", { class: "muted", text: "mapping the whole breast (about a second)…" }));
    try {
      const started = performance.now();
      const result = await api("/api/predict", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(Object.assign({ run: runSelect.value, top: 5, detector: detectorSelect.value }, target)) });
      const ms = Math.round(performance.now() - started);
      viewer.reset();
      viewer.setOverlay(result.overlay);
      viewer.overlayVisible(overlayToggle.checked);
      overlayToggle.disabled = opacity.disabled = false;
      viewer.setRegions(result.regions);
      fill(regionList,
        el("h2", { text: `Most suspicious regions, ${result.score}${result.detector !== "network" ? ` (${result.detector} detector)` : ""}` }),
        el("table", { id: "region-table" },
          el("tr", {}, el("th", { text: "#" }), el("th", { class: "num", text: "x" }), el("th", { class: "num", text: "y (MIAS)" }), el("th", { class: "num", text: "r" }), el("th", { class: "num", text: "score" })),
          result.regions.map(region => el("tr", { class: "clickable", title: "classify this region", onclick: () => { viewer.centreOn(region.x, region.row, region.radius); classify(Math.round(region.x), Math.round(region.row), Math.round(region.radius)); } },
            el("td", { text: region.rank }), el("td", { class: "num", text: Math.round(region.x) }), el("td", { class: "num", text: Math.round(region.y) }),
            el("td", { class: "num", text: Math.round(region.radius) }), el("td", { class: "num", text: fmt(region.score) })))),
        el("p", { class: "hint" }, `${result.score} per window: 0 `, el("span", { class: "legend" }), " 1 · on this scan ", el("strong", { text: `${fmt(result.minimum, 2)}–${fmt(result.maximum, 2)}` }),
          ` · ${result.seconds.toFixed(2)} s on the server, ${ms} ms in all`),
        assignmentText(result.scan), ...standingText(result.held_out, result.detector));
    } catch (error) { showError(regionList, error); }
    finally { heatButton.disabled = false; busy(""); }
  });

  panel.append(
    el("h2", { text: "Predict" }),
    el("div", { class: "toolbar" }, el("label", {}, "run ", runSelect)),
    el("div", { class: "toolbar" }, el("label", {}, "radius for a click ", radius, " px"), detectorLabel, heatButton),
    el("div", { class: "toolbar" }, el("label", {}, overlayToggle, "overlay"), el("label", {}, "opacity ", opacity)),
    el("p", { class: "hint", text: "Click a point on the image (radius above) or drag a circle; click a lesion in the table to classify it." }),
    answer, regionList);
  return { element: panel, classify };
}

function viewerToolbar(viewer, withLesions) {
  const modes = ["pick", "pan"].map(mode => el("label", {}, el("input", { type: "radio", name: "mode", value: mode, checked: mode === "pick", onchange: () => viewer.setMode(mode) }), mode === "pick" ? "pick region" : "pan"));
  return el("div", { class: "toolbar" },
    withLesions ? el("label", {}, el("input", { id: "lesion-toggle", type: "checkbox", checked: true, onchange: event => viewer.showLesions(event.target.checked) }), "lesions") : null,
    ...modes,
    el("button", { type: "button", class: "secondary", onclick: () => viewer.zoom(1.5), text: "+" }),
    el("button", { type: "button", class: "secondary", onclick: () => viewer.zoom(1 / 1.5), text: "−" }),
    el("button", { type: "button", class: "secondary", onclick: () => viewer.reset(), text: "fit" }));
}

// ---------- scan page ----------
async function scanPage(id) {
  const scan = await api(`/api/scans/${encodeURIComponent(id)}`);
  const viewer = createViewer({ image: url(scan.image), width: scan.width, height: scan.height, lesions: scan.lesions, onPick: (x, row, r) => predict.classify(x, row, r) });
  const predict = await createPredictPanel(viewer, { scan: scan.id });
  const gallery = el("div", { class: "gallery", id: "gallery" });
  const showGallery = index => gallery.replaceChildren(
    el("h2", { text: scan.lesions.length ? `Lesion ${index}: its 8 variants as the model sees them (48×48)` : "Normal scan: the region the model is shown, 8 variants" }),
    el("img", { src: url(`/api/scans/${scan.id}/lesions/${index}/variants`), alt: `variants of lesion ${index}` }));
  const located = scan.lesions.filter(l => l.x !== null);
  const table = el("table", { id: "lesion-table" },
    el("tr", {}, el("th", { text: "#" }), el("th", { text: "class" }), el("th", { text: "severity" }), el("th", { class: "num", text: "x" }), el("th", { class: "num", text: "y" }), el("th", { class: "num", text: "r" })),
    scan.lesions.map(lesion => el("tr", { class: lesion.x !== null ? "clickable" : "", "data-lesion": lesion.index, title: lesion.x !== null ? "classify this lesion" : lesion.note || "no location in Info.txt",
      onclick: () => {
        if (lesion.x === null) return;
        table.querySelectorAll("tr").forEach(r => r.classList.toggle("selected", r.dataset.lesion === String(lesion.index)));
        showGallery(lesion.index);
        viewer.centreOn(lesion.x, scan.height - lesion.y, lesion.radius);
        predict.classify(Math.round(lesion.x), Math.round(scan.height - lesion.y), Math.round(lesion.radius));
      } },
    el("td", { text: lesion.index }), el("td", { text: `${lesion.code} · ${kebab(lesion.class)}` }), el("td", { class: lesion.severity, text: lesion.severity }),
    el("td", { class: "num", text: lesion.x ?? "—" }), el("td", { class: "num", text: lesion.y ?? "—" }), el("td", { class: "num", text: lesion.radius ?? "—" }))));
  app.replaceChildren(
    el("h1", {}, el("a", { href: "#/", text: "Dataset" }), ` › ${scan.id}`, el("span", { class: "muted", text: ` · patient ${scan.patient} · ${kebab(scan.tissue)} tissue · ${scan.lesions.length ? `${scan.lesions.length} lesion(s)` : "normal"}` })),
    el("div", { class: "scan-layout" },
      el("div", {}, viewerToolbar(viewer, true), viewer.element),
      el("div", {},
        el("div", { class: "panel" }, el("h2", { text: "Lesions (MIAS coordinates: y from the bottom)" }),
          scan.lesions.length ? table : el("p", { class: "muted", text: "A normal scan: no lesion." }), gallery),
        el("div", { style: "height:.8rem" }), predict.element)));
  if (located.length || scan.lesions.length === 0) showGallery(located.length ? located[0].index : 0);
}

// ---------- runs page ----------
function aucCell(heldOut) {
  if (!heldOut || heldOut.auc === null || heldOut.auc === undefined) return "—";
  return `${fmt(heldOut.auc)} [${fmt(heldOut.auc_lower, 2)}, ${fmt(heldOut.auc_upper, 2)}]`;
}

async function runsPage(name) {
  const runs = await api("/api/runs");
  const detail = el("div", { id: "run-detail" });
  const table = el("table", { id: "run-table" },
    el("tr", {}, el("th", { text: "run" }), el("th", { text: "task" }), el("th", { text: "protocol" }), el("th", { class: "num", text: "AUC [95% CI]" }), el("th", { class: "num", text: "baseline" })),
    runs.map(run => el("tr", { class: "clickable" + (run.name === name ? " selected" : ""), onclick: () => { location.hash = `#/runs/${run.name}`; } },
      el("td", {}, run.kind === "experiment" ? el("strong", { text: run.name + " (experiment)" }) : run.name, run.complete || run.kind === "experiment" ? "" : el("span", { class: "muted", text: ` (${run.status || "unreadable"})` })),
      el("td", { text: run.task || "" }), el("td", { class: run.held_out && run.held_out.leaky ? "warn" : "", text: run.protocol || "" }),
      el("td", { class: "num", text: aucCell(run.held_out) }),
      el("td", { class: "num", text: run.held_out && run.held_out.baseline_name ? `${run.held_out.baseline_name} ${fmt(run.held_out.baseline_auc)}` : "" }))));
  app.replaceChildren(el("h1", { text: `Runs · ${runs.length}` }),
    runs.length ? el("div", { class: "runs-layout" }, el("div", { class: "panel" }, table), detail)
      : el("p", { class: "muted", text: "Nothing under the runs folder yet: mammo train or mammo experiment write there." }));
  if (!name) return;
  try {
    const info = await api(`/api/runs/${name}`);
    const run = info.run;
    const metrics = info.metrics || {};
    const test = metrics.test_tta || {};
    const baselines = metrics.baselines || {};
    const children = [el("h2", { text: run.name }),
      el("p", { class: "muted", text: run.kind === "experiment" ? "experiment" : `${run.task} · ${run.protocol} · ${run.balancing} · ${run.model} · ${run.status}` })];
    if (run.held_out) children.push(...standingText(run.held_out));
    if (run.kind === "run" && test.auc !== undefined) {
      children.push(el("table", { id: "metrics" },
        el("tr", {}, el("th", { text: "model" }), el("th", { class: "num", text: "AUC" }), el("th", { class: "num", text: "95% CI" })),
        el("tr", {}, el("td", { text: "this network (test, mean over 8 variants)" }), el("td", { class: "num", text: fmt(test.auc) }), el("td", { class: "num", text: `${fmt(test.auc_lower)}–${fmt(test.auc_upper)}` })),
        // Beside the network: what the run also fitted on the same folds (a fusion, a detect run's feature detector), then every baseline.
        [[metrics.fusion, "fusion: network + metadata"], [metrics.feature_detector, "feature detector (stored with the run; the heat map combines it with the network)"], ...Object.entries(baselines).map(([key, b]) => [b, `${key} baseline`])]
          .filter(([b]) => b && b.auc !== null && b.auc !== undefined)
          .map(([b, label]) => el("tr", {}, el("td", { text: label }), el("td", { class: "num", text: fmt(b.auc) }), el("td", { class: "num", text: b.auc_lower !== undefined && b.auc_lower !== null ? `${fmt(b.auc_lower)}–${fmt(b.auc_upper)}` : "" })))));
    }
    if (info.report) children.push(el("p", {}, el("a", { href: url(info.report), target: "_blank", id: "report-link", text: run.kind === "experiment" ? "Open the HTML report" : "Open the text report" })));
    if (info.cells.length) {
      children.push(el("h2", { text: "Cells" }), el("table", {}, info.cells.map(cell => el("tr", { class: "clickable", onclick: () => { location.hash = `#/runs/${cell.name}`; } },
        el("td", { text: cell.name }), el("td", { class: cell.held_out && cell.held_out.leaky ? "warn" : "", text: cell.protocol || "" }), el("td", { class: "num", text: aucCell(cell.held_out) }),
        el("td", { class: "num", text: cell.held_out && cell.held_out.baseline_name ? `${cell.held_out.baseline_name} ${fmt(cell.held_out.baseline_auc)}` : "" })))));
    }
    if (info.figures.length) children.push(el("div", { class: "figures" }, info.figures.map(f => el("img", { src: url(f), alt: f.split("/").pop() }))));
    detail.replaceChildren(el("div", { class: "panel" }, children));
  } catch (error) { showError(detail, error); }
}

// ---------- predict page ----------
async function predictPage() {
  const listing = await scans();
  const holder = el("div", { id: "predict-holder" });
  const picker = el("select", { id: "scan-select" }, listing.scans.map(s => el("option", { value: s.id, text: `${s.id}${s.normal ? " (normal)" : ` (${s.classes.map(c => classCodes[c]).join(", ")})`}` })));
  const file = el("input", { id: "upload", type: "file", accept: ".pgm,.png,.jpg,.jpeg,.tif,.tiff,.dcm,.bmp,image/*,application/dicom" });
  async function show(target, image, width, height, title) {
    const viewer = createViewer({ image, width, height, onPick: (x, row, r) => predict.classify(x, row, r) });
    const predict = await createPredictPanel(viewer, target);
    holder.replaceChildren(el("h2", { text: title }), el("div", { class: "scan-layout" }, el("div", {}, viewerToolbar(viewer, false), viewer.element), predict.element));
  }
  picker.addEventListener("change", () => show({ scan: picker.value }, url(`/api/scans/${picker.value}/image`), 1024, 1024, picker.value));
  file.addEventListener("change", async () => {
    if (!file.files.length) return;
    const form = new FormData();
    form.append("image", file.files[0]);
    busy("uploading…");
    try {
      const upload = await api("/api/uploads", { method: "POST", body: form });
      await show({ upload: upload.id }, url(upload.image), upload.width, upload.height, `${upload.name} (${upload.width}×${upload.height}, kept in the server's memory only)`);
    } catch (error) { showError(holder, error); }
    finally { busy(""); }
  });
  app.replaceChildren(el("h1", { text: "Predict" }),
    el("div", { class: "filters" }, el("label", {}, "a scan of the dataset", picker), el("label", {}, "or your own image (PGM, PNG, JPEG, TIFF, DICOM)", file)),
    holder);
  picker.dispatchEvent(new Event("change"));
}

// ---------- routing ----------
async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const path = hash.split("?")[0];
  const page = path.startsWith("/runs") ? "runs" : path.startsWith("/predict") ? "predict" : "dataset";
  document.querySelectorAll("header nav a").forEach(a => a.classList.toggle("active", a.dataset.page === page));
  try {
    if (path.startsWith("/scan/")) await scanPage(decodeURIComponent(path.slice(6)));
    else if (path.startsWith("/runs")) await runsPage(path.length > 6 ? path.slice(6) : null);
    else if (path.startsWith("/predict")) await predictPage();
    else await datasetPage();
  } catch (error) { showError(app, error); }
}

window.addEventListener("hashchange", route);
route();
