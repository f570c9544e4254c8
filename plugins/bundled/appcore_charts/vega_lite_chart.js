// Every Vega-Lite chart (st.line_chart ... st.altair_chart): the vendored vega-embed
// (frontend/vendor/vega*, see scripts/vendor.py), loaded on the first chart.
//
// props: spec (a Vega-Lite spec naming its datasets), datasets ([{name, columns, values}],
// column by column), data (the dataset a spec draws when it names none, or null),
// theme ("streamlit" or ""), width ("stretch" | "content" | px), height ("content" |
// "stretch" | px), alt, selection_mode (the selection parameters whose state the
// chart sends as its value: {selection: {param: [points] | {field: [low, high]} | {}}}).
//
// A new spec embeds the chart again; new data under the same spec goes into the drawn
// view (its zoom and pan kept, no flicker). A chart laid out while hidden (a tab not
// shown) waits until it has a width, then draws.
import { css, html, preloadModule, useLayoutEffect, useRef } from "appcore";

css(`
.ac-chart { width: 100%; min-width: 0; }
.ac-chart-view { width: 100%; }
.ac-chart-view.vega-embed { display: block; }
.ac-chart-view canvas, .ac-chart-view svg { display: block; max-width: 100%; }
.ac-chart-error { font-family: var(--ac-mono); font-size: 0.8rem; color: var(--ac-error); background: var(--ac-error-bg); padding: 0.5rem 0.75rem; border-radius: var(--ac-radius); white-space: pre-wrap; }
#vg-tooltip-element { font-family: var(--ac-font); }
`);

const DEFAULT_HEIGHT = 350;

const VENDOR = `${document.documentElement.dataset.prefix || ""}/_appcore/static/vendor`;

let libraries = null;
function loadVega() {
  if (!libraries) {
    libraries = Promise.all([import(`${VENDOR}/vega/vega.mjs`), import(`${VENDOR}/vega_embed/vega-embed.mjs`)])
      .then(([vega, embed]) => ({ vega: vega.default, embed: embed.default }));
  }
  return libraries;
}

// Vega's files are fetched (not run) once this module loads: for a page that drew charts
// lately that is with the session message, so the first chart waits only for Vega to run.
for (const file of ["vega/vega.mjs", "vega_lite/vega-lite.mjs", "vega_embed/vega-embed.mjs"]) preloadModule(`${VENDOR}/${file}`);

// Streamlit's categorical palettes (light, dark), and the rest of its chart look from the page's colours.
const PALETTE = {
  light: ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"],
  dark: ["#83c9ff", "#0068c9", "#ffabab", "#ff2b2b", "#7defa1", "#29b09d", "#ffd16a", "#ff8700", "#6d3fc0", "#d5dae5"],
};

function pageTheme() {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

function streamlitConfig() {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => style.getPropertyValue(name).trim();
  const text = read("--ac-text"), muted = read("--ac-muted"), border = read("--ac-border");
  const font = read("--ac-font") || "sans-serif";
  const category = PALETTE[pageTheme()];
  const label = { labelColor: muted, labelFont: font, labelFontSize: 12, titleColor: text, titleFont: font,
    titleFontSize: 12, titleFontWeight: 400 };
  return {
    background: null, font, padding: { left: 0, right: 0, top: 8, bottom: 0 },
    view: { stroke: null, continuousHeight: DEFAULT_HEIGHT },
    title: { color: text, font, fontSize: 16, fontWeight: 600, anchor: "start" },
    axis: { ...label, gridColor: border, domainColor: border, tickColor: border, labelPadding: 6, titlePadding: 12 },
    legend: { ...label, labelFontSize: 13, titleFontSize: 13 },
    header: { ...label },
    range: { category, ramp: [category[1], category[0]] },
    mark: { color: category[0] }, bar: { fill: category[0] }, area: { fill: category[0] },
    line: { stroke: category[0], strokeWidth: 2 }, circle: { fill: category[0] },
  };
}

// A dataset's columns as the row objects Vega takes.
function rowsOf(dataset) {
  const names = dataset.columns;
  const columns = dataset.values.map((c) => (Array.isArray(c) ? c : c.codes.map((k) => (k < 0 ? null : c.labels[k]))));
  const n = columns.length ? columns[0].length : 0;
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = columns[j][i];
    rows[i] = row;
  }
  return rows;
}

function datasetsOf(props) {
  return props.data ? [...props.datasets, props.data] : props.datasets;
}

// What decides whether a chart must be embedded again: everything but its data.
function shapeOf(props) {
  let text = JSON.stringify(props.spec);
  datasetsOf(props).forEach((d, i) => { text = text.split(JSON.stringify(d.name)).join(`"dataset ${i}"`); });
  return JSON.stringify([text, props.theme, props.width, props.height, props.selection_mode, props.theme && pageTheme()]);
}

const SINGLE_VIEW = ["mark", "layer"];

// The spec to embed, with its datasets in it, and the name each dataset has in the view.
function specFor(props, width) {
  const spec = { ...props.spec };
  const single = SINGLE_VIEW.some((k) => k in spec);
  if (single) {
    if (props.width === "stretch") spec.width = width;
    else if (typeof props.width === "number") spec.width = props.width;
    else if (!spec.width) delete spec.width;
    // No height: Vega-Lite's own, as Streamlit leaves it: DEFAULT_HEIGHT for a continuous y
    // (the theme's view.continuousHeight), a step per band for a discrete one (horizontal bars).
    if (typeof props.height === "number") spec.height = props.height;
    else if (!spec.height) delete spec.height;
  }
  spec.datasets = { ...(spec.datasets || {}) };
  const names = [];
  for (const dataset of datasetsOf(props)) {
    let name = dataset.name;
    if (dataset === props.data) {
      // The unnamed data: what the spec draws when it names no data, else the data it names but was not given.
      const wanted = spec.data?.name;
      if (!spec.data) spec.data = { name };
      else if (wanted && !props.datasets.some((d) => d.name === wanted)) name = wanted;
    }
    spec.datasets[name] = rowsOf(dataset);
    names.push(name);
  }
  return [spec, names];
}

// The kind of each selection parameter in a spec (its views' too): "point" or "interval".
function selectionKinds(node, kinds = {}) {
  if (Array.isArray(node)) node.forEach((n) => selectionKinds(n, kinds));
  else if (node && typeof node === "object") {
    for (const param of node.params || []) {
      if (param?.select) kinds[param.name] = typeof param.select === "string" ? param.select : param.select.type;
    }
    for (const [key, value] of Object.entries(node)) if (key !== "params") selectionKinds(value, kinds);
  }
  return kinds;
}

// A selection parameter's state: each field's [low, high] (an interval; the values
// picked, on a band scale) or the picked points' fields (a point selection); {} when
// nothing is selected.
function selectionOf(view, name, kind) {
  let tuples;
  try { tuples = view.data(`${name}_store`); } catch { return {}; }
  if (!tuples?.length) return {};
  if (kind === "interval") return JSON.parse(JSON.stringify(view.signal(name) || {}));
  return JSON.parse(JSON.stringify(tuples.map((t) => Object.fromEntries(t.fields.map((f, i) => [f.field, t.values[i]])))));
}

class Chart {
  constructor(ctx, view) {
    this.ctx = ctx;
    this.host = view;
    const root = this.root = ctx.root;
    this.props = null;
    this.shape = null;
    this.result = null;  // vega-embed's {view, finalize}
    this.names = [];     // the dataset names the drawn view was embedded with, by position
    this.queue = Promise.resolve();
    this.width = 0;
    this.observer = new ResizeObserver(() => this.resized());
    this.observer.observe(root);
    this.themeWatch = new MutationObserver(() => { if (this.props?.theme) this.update(this.props, true); });
    this.themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  }

  update(props, force = false) {
    this.props = props;
    this.queue = this.queue.then(() => this.apply(force)).catch((error) => this.fail(error));
  }

  async apply(force) {
    const props = this.props;
    const width = this.root.clientWidth;
    if (!width) return;  // hidden (a tab not shown): drawn when it gets a width
    const shape = shapeOf(props);
    const { vega, embed } = await loadVega();
    const datasets = datasetsOf(props);
    if (this.result && !force && shape === this.shape && datasets.length === this.names.length) {
      const view = this.result.view;
      datasets.forEach((dataset, i) => {
        view.change(this.names[i], vega.changeset().remove(vega.truthy).insert(rowsOf(dataset)));
      });
      await view.runAsync();  // the view keeps the names it was embedded with (data-datasets)
      return;
    }
    this.result?.finalize();
    this.result = null;
    this.host.replaceChildren();
    this.width = width;
    const options = {
      actions: false, renderer: "canvas", mode: "vega-lite", logLevel: vega.Error,
      tooltip: { theme: pageTheme() },
      config: props.theme === "streamlit" ? streamlitConfig() : undefined,
    };
    const [spec, names] = specFor(props, width);
    this.result = await embed(this.host, spec, options);
    this.shape = shape;
    this.names = names;
    this.listen(this.result.view, props.selection_mode || [], selectionKinds(props.spec));
    this.root.vegaView = this.result.view;  // the drawn view, for devtools and tests
    this.root.dataset.datasets = this.names.join(" ");
    this.root.dataset.embeds = String(Number(this.root.dataset.embeds || 0) + 1);
  }

  // Each change of a selection parameter sends the chart's selection, once the pointer rests.
  listen(view, params, kinds) {
    let timer = null;
    const send = () => {
      timer = null;
      this.ctx.setValue({ selection: Object.fromEntries(params.map((name) => [name, selectionOf(view, name, kinds[name])])) });
    };
    for (const name of params) {
      view.addSignalListener(name, () => { clearTimeout(timer); timer = setTimeout(send, 150); });
    }
  }

  resized() {
    const width = this.root.clientWidth;
    if (!width || width === this.width || !this.props) return;
    if (!this.result) { this.update(this.props); return; }
    this.width = width;
    if (this.props.width === "stretch" && SINGLE_VIEW.some((k) => k in this.props.spec)) {
      this.queue = this.queue.then(() => this.result?.view.width(width).runAsync()).catch((e) => this.fail(e));
    }
  }

  fail(error) {
    console.error("appcore: a chart could not be drawn", error);
    const box = document.createElement("div");
    box.className = "ac-chart-error";
    box.textContent = String(error?.message || error);
    this.host.replaceChildren(box);
    this.result = null;
  }

  destroy() {
    this.observer.disconnect();
    this.themeWatch.disconnect();
    this.result?.finalize();
  }
}

export default function VegaLiteChart({ props, ctx }) {
  const view = useRef(null);
  const chart = useRef(null);
  useLayoutEffect(() => {
    chart.current = new Chart(ctx, view.current);
    return () => chart.current.destroy();
  }, []);
  useLayoutEffect(() => { chart.current.update(props); }, [props]);
  const style = typeof props.width === "number" ? { maxWidth: `${props.width}px` } : {};
  return html`<div class="ac-chart" role="img" aria-label=${props.alt || "Chart"} style=${style}>
    <div ref=${view} class="ac-chart-view"></div>
  </div>`;
}
