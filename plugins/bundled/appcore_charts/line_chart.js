// st.line_chart as plain SVG: lines, a light grid, min/max ticks and a legend.
import { css, html } from "appcore";

css(`
.ac-line-chart svg { display: block; width: 100%; overflow: visible; }
.ac-line-chart .grid { stroke: var(--ac-border); stroke-width: 1; }
.ac-line-chart text { fill: var(--ac-muted); font-size: 11px; font-family: var(--ac-font); }
.ac-line-chart .legend { display: flex; gap: 1rem; flex-wrap: wrap; font-size: 0.8rem; color: var(--ac-muted); }
.ac-line-chart .swatch { display: inline-block; width: 0.8rem; height: 0.2rem; margin-right: 0.3rem; vertical-align: middle; }
`);

const PALETTE = ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"];
function fmt(n) {
  return Math.abs(n) >= 1000 || (Math.abs(n) < 0.01 && n !== 0) ? n.toExponential(1) : String(+n.toFixed(2));
}

export default function LineChart({ props: p, ctx }) {
  // Drawn at the width its root has: the root is on the page before its renderer runs.
  const width = p.use_container_width || !p.width ? Math.max(ctx.root.clientWidth, 300) : p.width;
  const height = p.height;
  const pad = { left: 44, right: 8, top: 8, bottom: 28 };
  const values = p.series.flatMap((s) => s.values).filter((v) => v !== null);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const span = hi - lo || 1;
  const n = Math.max(p.x.length - 1, 1);
  const px = (i) => pad.left + (i / n) * (width - pad.left - pad.right);
  const py = (v) => pad.top + (1 - (v - lo) / span) * (height - pad.top - pad.bottom);
  const colour = (s, k) => s.color || PALETTE[k % PALETTE.length];
  return html`<div class="ac-line-chart" role="img" aria-label=${`Line chart of ${p.series.map((s) => s.name).join(", ")}`}>
    <svg viewBox=${`0 0 ${width} ${height}`} height=${height}>
      ${[lo, (lo + hi) / 2, hi].map((v) => [
        html`<line class="grid" x1=${pad.left} x2=${width - pad.right} y1=${py(v)} y2=${py(v)} />`,
        html`<text x=${pad.left - 6} y=${py(v) + 4} text-anchor="end">${fmt(v)}</text>`,
      ])}
      ${p.x.length ? [
        html`<text x=${pad.left} y=${height - 8}>${String(p.x[0])}</text>`,
        html`<text x=${width - pad.right} y=${height - 8} text-anchor="end">${String(p.x[p.x.length - 1])}</text>`,
      ] : null}
      ${p.series.map((s, k) => html`<polyline fill="none" stroke=${colour(s, k)} stroke-width="2"
        points=${s.values.map((v, i) => (v === null ? null : `${px(i)},${py(v)}`)).filter(Boolean).join(" ")} />`)}
    </svg>
    <div class="legend">${p.series.map((s, k) => html`<span><span class="swatch" style=${{ background: colour(s, k) }} />${s.name}</span>`)}</div>
    ${p.x_label ? html`<div class="legend">${p.x_label}</div>` : null}
  </div>`;
}
