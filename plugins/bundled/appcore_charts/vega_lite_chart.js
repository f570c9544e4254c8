// Every Vega-Lite chart (st.line_chart ... st.altair_chart): the vendored vega-embed
// (frontend/vendor/vega*, see scripts/vendor.py), loaded on the first chart.
//
// props: spec (a Vega-Lite spec naming its datasets), datasets ([{name, columns, values}],
// column by column), theme ("streamlit" or ""), width ("stretch" | "content" | px),
// height ("content" | "stretch" | px), alt.
//
// A new spec embeds the chart again; new data under the same spec goes into the drawn
// view (its zoom and pan kept, no flicker). A chart laid out while hidden (a tab not
// shown) waits until it has a width, then draws.
import { css, html, useLayoutEffect, useRef } from "appcore";

css(`
.ac-chart { width: 100%; min-width: 0; }
.ac-chart-view { width: 100%; }
.ac-chart-view.vega-embed { display: block; }
.ac-chart-view canvas, .ac-chart-view svg { display: block; max-width: 100%; }
.ac-chart-error { font-family: var(--ac-mono); font-size: 0.8rem; color: var(--ac-error); background: var(--ac-error-bg); padding: 0.5rem 0.75rem; border-radius: var(--ac-radius); white-space: pre-wrap; }
#vg-tooltip-element { font-family: var(--ac-font); }
`);

const DEFAULT_HEIGHT = 350;

let libraries = null;
function loadVega() {
  if (!libraries) {
    const base = `${document.documentElement.dataset.prefix || ""}/_appcore/static/vendor`;
    libraries = Promise.all([import(`${base}/vega/vega.mjs`), import(`${base}/vega_embed/vega-embed.mjs`)])
      .then(([vega, embed]) => ({ vega: vega.default, embed: embed.default }));
  }
  return libraries;
}

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
    line: { stroke: category[0], strokeWidth: 2 }, circle: { fill: category[0] }, point: { filled: true },
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

// What decides whether a chart must be embedded again: everything but its data.
function shapeOf(props) {
  let text = JSON.stringify(props.spec);
  props.datasets.forEach((d, i) => { text = text.split(JSON.stringify(d.name)).join(`"dataset ${i}"`); });
  return JSON.stringify([text, props.theme, props.width, props.height, props.theme && pageTheme()]);
}

const SINGLE_VIEW = ["mark", "layer"];

function specFor(props, width) {
  const spec = { ...props.spec };
  const single = SINGLE_VIEW.some((k) => k in spec);
  if (single) {
    if (props.width === "stretch") spec.width = width;
    else if (typeof props.width === "number") spec.width = props.width;
    else if (!spec.width) delete spec.width;
    if (typeof props.height === "number") spec.height = props.height;
    else if (!spec.height) spec.height = DEFAULT_HEIGHT;
  }
  spec.datasets = { ...(spec.datasets || {}) };
  for (const dataset of props.datasets) spec.datasets[dataset.name] = rowsOf(dataset);
  return spec;
}

class Chart {
  constructor(root, view) {
    this.host = view;
    this.root = root;
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
    if (this.result && !force && shape === this.shape && props.datasets.length === this.names.length) {
      const view = this.result.view;
      props.datasets.forEach((dataset, i) => {
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
    this.result = await embed(this.host, specFor(props, width), options);
    this.shape = shape;
    this.names = props.datasets.map((d) => d.name);
    this.root.vegaView = this.result.view;  // the drawn view, for devtools and tests
    this.root.dataset.datasets = this.names.join(" ");
    this.root.dataset.embeds = String(Number(this.root.dataset.embeds || 0) + 1);
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
    chart.current = new Chart(ctx.root, view.current);
    return () => chart.current.destroy();
  }, []);
  useLayoutEffect(() => { chart.current.update(props); }, [props]);
  const style = typeof props.width === "number" ? { maxWidth: `${props.width}px` } : {};
  return html`<div class="ac-chart" role="img" aria-label=${props.alt || "Chart"} style=${style}>
    <div ref=${view} class="ac-chart-view"></div>
  </div>`;
}
