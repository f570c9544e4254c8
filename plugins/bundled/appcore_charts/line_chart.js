// st.line_chart as plain SVG: lines, a light grid, min/max ticks and a legend.
import { css, h } from "appcore";

css(`
.ac-line-chart svg { display: block; width: 100%; overflow: visible; }
.ac-line-chart .grid { stroke: var(--ac-border); stroke-width: 1; }
.ac-line-chart text { fill: var(--ac-muted); font-size: 11px; font-family: var(--ac-font); }
.ac-line-chart .legend { display: flex; gap: 1rem; flex-wrap: wrap; font-size: 0.8rem; color: var(--ac-muted); }
.ac-line-chart .swatch { display: inline-block; width: 0.8rem; height: 0.2rem; margin-right: 0.3rem; vertical-align: middle; }
`);

const PALETTE = ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"];
const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

function fmt(n) {
  return Math.abs(n) >= 1000 || (Math.abs(n) < 0.01 && n !== 0) ? n.toExponential(1) : String(+n.toFixed(2));
}

export function mount(root, props) {
  const box = h("div", { class: "ac-line-chart", role: "img" });
  root.append(box);
  const update = (p) => {
    const width = p.use_container_width || !p.width ? Math.max(root.clientWidth, 300) : p.width;
    const height = p.height;
    const pad = { left: 44, right: 8, top: 8, bottom: 28 };
    const values = p.series.flatMap((s) => s.values).filter((v) => v !== null);
    const lo = values.length ? Math.min(...values) : 0;
    const hi = values.length ? Math.max(...values) : 1;
    const span = hi - lo || 1;
    const n = Math.max(p.x.length - 1, 1);
    const px = (i) => pad.left + (i / n) * (width - pad.left - pad.right);
    const py = (v) => pad.top + (1 - (v - lo) / span) * (height - pad.top - pad.bottom);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, height });
    for (const v of [lo, (lo + hi) / 2, hi]) {
      chart.append(svg("line", { class: "grid", x1: pad.left, x2: width - pad.right, y1: py(v), y2: py(v) }),
        svg("text", { x: pad.left - 6, y: py(v) + 4, "text-anchor": "end" }, fmt(v)));
    }
    if (p.x.length) {
      chart.append(svg("text", { x: pad.left, y: height - 8 }, String(p.x[0])),
        svg("text", { x: width - pad.right, y: height - 8, "text-anchor": "end" }, String(p.x[p.x.length - 1])));
    }
    p.series.forEach((s, k) => {
      const points = s.values.map((v, i) => (v === null ? null : `${px(i)},${py(v)}`)).filter(Boolean).join(" ");
      chart.append(svg("polyline", { points, fill: "none", stroke: s.color || PALETTE[k % PALETTE.length], "stroke-width": 2 }));
    });
    const legend = h("div", { class: "legend" }, p.series.map((s, k) =>
      h("span", {}, h("span", { class: "swatch", style: { background: s.color || PALETTE[k % PALETTE.length] } }), s.name)));
    box.setAttribute("aria-label", `Line chart of ${p.series.map((s) => s.name).join(", ")}`);
    box.replaceChildren(chart, legend, p.x_label ? h("div", { class: "legend" }, p.x_label) : "");
  };
  update(props);
  return { update };
}
