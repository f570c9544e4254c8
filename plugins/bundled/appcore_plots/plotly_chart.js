// st.plotly_chart: the figure drawn by the vendored plotly.js (frontend/vendor/plotly/, see
// scripts/vendor.py), loaded on the first chart. New props go through Plotly.react, which
// updates the chart in place; a fixed uirevision keeps the person's zoom and pan across them.
// With on_select, a box, lasso or click selection is sent as Streamlit's PlotlyState.
import { html, css, useRef, useLayoutEffect, useEffect, useState, useVendored, widthStyle } from "appcore";

css(`
.ac-plotly-chart { position: relative; max-width: 100%; }
.ac-plotly-chart .ac-plotly-wait { display: flex; align-items: center; justify-content: center; color: var(--ac-muted); font-size: 0.9rem; }
`);

// Streamlit's categorical colours, light and dark (its charts use them in this order).
const COLORWAY = {
  light: ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"],
  dark: ["#83c9ff", "#0068c9", "#ffabab", "#ff2b2b", "#7defa1", "#29b09d", "#ffd16a", "#ff8700", "#6d3fc0", "#d5dae5"],
};

// The page's theme, followed when it changes (the runtime sets <html data-theme>).
function usePageTheme() {
  const read = () => document.documentElement.dataset.theme === "dark" ? "dark" : "light";
  const [theme, setTheme] = useState(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

// A template in the page's colours and font, for a figure that chose no template of its own.
function pageTemplate(root, theme) {
  const style = getComputedStyle(root);
  const v = (name) => style.getPropertyValue(name).trim();
  const text = v("--ac-text"), muted = v("--ac-muted"), border = v("--ac-border");
  const axis = { gridcolor: border, linecolor: border, zerolinecolor: border, tickcolor: border,
                 title: { font: { color: muted } }, tickfont: { color: muted }, automargin: true };
  return {
    layout: {
      font: { family: v("--ac-font"), color: text, size: 12 },
      // As Streamlit's theme: a figure's title sits at the chart's top left, in bold.
      title: { font: { size: 16, weight: 600, color: text }, x: 0, xanchor: "left", xref: "container", pad: { l: 4 } },
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
      colorway: COLORWAY[theme],
      xaxis: { ...axis, showgrid: false }, yaxis: axis,  // as Streamlit's: the value axis' grid alone
      legend: { font: { color: muted } },
      modebar: { bgcolor: "rgba(0,0,0,0)", color: muted, activecolor: text },
      hoverlabel: { bgcolor: v("--ac-bg"), bordercolor: border, font: { color: text } },
      margin: { t: 30, r: 10, b: 40, l: 50 },
      polar: { bgcolor: "rgba(0,0,0,0)", angularaxis: axis, radialaxis: axis },
      scene: { xaxis: axis, yaxis: axis, zaxis: axis },
      geo: { bgcolor: "rgba(0,0,0,0)" },
    },
  };
}

// Colours Plotly Express took from the default template (by their place in its colorway)
// become the page's colours in the same place, wherever a trace names one.
function recolour(data, from, to) {
  const map = new Map(from.map((colour, i) => [String(colour).toLowerCase(), to[i % to.length]]));
  const swap = (v) => (typeof v === "string" ? map.get(v.toLowerCase()) ?? v : Array.isArray(v) ? v.map(swap) : v);
  for (const trace of data) {
    for (const part of [trace, trace.marker, trace.line, trace.marker?.line]) {
      if (part && typeof part === "object" && part.color !== undefined) part.color = swap(part.color);
    }
    if (trace.fillcolor !== undefined) trace.fillcolor = swap(trace.fillcolor);
  }
}

// The chart's arguments to Plotly: copies (plotly.js writes into what it is given).
function figureOf(p, root, theme) {
  const spec = structuredClone(p.spec);
  const layout = spec.layout || {};
  if (p.themed_template) layout.template = pageTemplate(root, theme);
  if (p.template_colorway) recolour(spec.data || [], p.template_colorway, COLORWAY[theme]);
  layout.uirevision ??= "appcore";  // keep zoom, pan and legend clicks across updates
  if (typeof p.width === "number") layout.width = p.width;
  else delete layout.width;
  layout.height = typeof p.height === "number" ? p.height : layout.height ?? 450;
  layout.autosize = true;
  const modes = p.selection_mode;
  const remove = [];
  if (modes) {
    layout.clickmode = modes.includes("points") ? "event+select" : "event";
    if (modes.includes("box")) layout.dragmode = layout.dragmode ?? "select";
    else if (modes.includes("lasso")) layout.dragmode = layout.dragmode ?? "lasso";
    if (!modes.includes("box")) remove.push("select2d");
    if (!modes.includes("lasso")) remove.push("lasso2d");
  }
  const config = { displaylogo: false, responsive: true, ...p.config };
  if (remove.length) config.modeBarButtonsToRemove = [...(config.modeBarButtonsToRemove || []), ...remove];
  return { data: spec.data || [], layout, frames: spec.frames, config };
}

const snake = (name) => name.replace(/\./g, "_").replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
const SKIPPED = new Set(["data", "fullData", "xaxis", "yaxis", "bbox", "fullLayout"]);

// plotly.js's event data as Streamlit's selection: points with snake_case fields, the
// indices of the points, and the boxes and lassos drawn (in axis coordinates).
function selectionOf(event) {
  const points = (event?.points || []).map((point) => {
    const out = {};
    for (const [name, value] of Object.entries(point)) {
      if (SKIPPED.has(name) || typeof value === "function" || (value && typeof value === "object" && !Array.isArray(value))) continue;
      out[snake(name)] = value;
    }
    return out;
  });
  const box = [], lasso = [];
  for (const shape of event?.selections || []) {
    const refs = { xref: shape.xref ?? "x", yref: shape.yref ?? "y" };
    if (shape.type === "rect") box.push({ ...refs, x: [shape.x0, shape.x1], y: [shape.y0, shape.y1] });
    else if (shape.type === "path" && shape.path) {
      const xy = shape.path.replace(/[MZ]/g, "").split("L").filter(Boolean).map((pair) => pair.split(",").map(Number));
      lasso.push({ ...refs, x: xy.map((c) => c[0]), y: xy.map((c) => c[1]) });
    }
  }
  if (!event?.selections && event?.range) box.push({ xref: "x", yref: "y", x: event.range.x, y: event.range.y });
  if (!event?.selections && event?.lassoPoints) lasso.push({ xref: "x", yref: "y", x: event.lassoPoints.x, y: event.lassoPoints.y });
  const indices = points.map((point) => point.point_index ?? point.point_number).filter((i) => Number.isInteger(i));
  return { selection: { points, point_indices: indices, box, lasso } };
}

export default function PlotlyChart({ props: p, ctx }) {
  const Plotly = useVendored("plotly", "plotly.mjs");
  const theme = usePageTheme();
  const ref = useRef(null);
  const selecting = Boolean(p.selection_mode);

  useLayoutEffect(() => {
    const node = ref.current;
    if (!Plotly || !node) return;
    const { data, layout, frames, config } = figureOf(p, ctx.root, theme);
    Plotly.react(node, { data, layout, frames, config });
  }, [Plotly, p, theme]);

  useEffect(() => {
    const node = ref.current;
    if (!Plotly || !node || !selecting) return undefined;
    let selected = false;
    const send = (event) => {
      const value = selectionOf(event);
      const { points, box, lasso } = value.selection;
      if (!selected && !points.length && !box.length && !lasso.length) return;  // nothing was, nothing is
      selected = points.length + box.length + lasso.length > 0;
      ctx.setValue(value);
    };
    const clear = () => send(null);
    // A double click clears the selection in every drag mode (in zoom mode plotly.js only autoscales).
    const doubleClick = () => {
      if (!selected) return;
      Plotly.update(node, { selectedpoints: [null] }, { selections: [] });
      clear();
    };
    node.on("plotly_selected", (event) => { if (event) send(event); });
    node.on("plotly_deselect", clear);
    node.on("plotly_doubleclick", doubleClick);
    return () => {
      for (const name of ["plotly_selected", "plotly_deselect", "plotly_doubleclick"]) node.removeAllListeners?.(name);
    };
  }, [Plotly, selecting]);

  // plotly.js follows the window's size only: a chart drawn while hidden (in a tab not shown)
  // is laid out at its default 700 px, so lay it out again whenever its own width changes.
  useEffect(() => {
    const node = ref.current;
    if (!Plotly || !node) return undefined;
    let width = node.clientWidth;
    const observer = new ResizeObserver(() => {
      if (node.clientWidth && node.clientWidth !== width && node.layout) Plotly.Plots.resize(node);
      width = node.clientWidth;
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [Plotly]);

  useEffect(() => () => { if (Plotly && ref.current) Plotly.purge(ref.current); }, [Plotly]);

  const height = typeof p.height === "number" ? p.height : 450;
  const label = p.alt ? { role: "figure", "aria-label": p.alt } : {};
  return html`<div class="ac-plotly-chart" style=${widthStyle(p.width)} ...${label}>
    ${Plotly ? null : html`<div class="ac-plotly-wait" style=${{ height: `${height}px` }}>Loading chart…</div>`}
    <div ref=${ref} class="ac-plotly-body" />
  </div>`;
}
