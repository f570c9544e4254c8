// st.metric: label, big value, and the delta as a coloured pill with an arrow; an optional sparkline.
import { html, css, widthStyle, Help } from "appcore";
import { heightStyle, Icon } from "./_shared.js";

css(`
.ac-metric { display: flex; flex-direction: column; gap: 0.15rem; min-width: 0; }
.ac-metric-border { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); padding: 1rem; }
.ac-metric-label { display: flex; align-items: center; gap: 0.3rem; font-size: 0.875rem; color: var(--ac-text); min-width: 0; }
.ac-metric-label-text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ac-metric-label-hidden { visibility: hidden; }
.ac-metric-label-collapsed { display: none; }
.ac-metric-value { font-size: 2.25rem; line-height: 1.2; font-weight: 400; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ac-metric-delta-row { display: flex; align-items: center; gap: 0.5em; min-width: 0; }
.ac-metric-delta { display: inline-flex; align-items: center; gap: 0.15rem; max-width: 100%; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.875rem; line-height: 1.5; white-space: nowrap; }
.ac-metric-delta.ac-metric-arrow { padding-left: 0.3rem; }
.ac-metric-delta svg { width: 1em; height: 1em; flex-shrink: 0; }
.ac-metric-description { font-size: 0.875rem; color: var(--ac-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ac-metric-green { color: var(--ac-success); background: var(--ac-success-bg); }
.ac-metric-red { color: var(--ac-error); background: var(--ac-error-bg); }
.ac-metric-orange, .ac-metric-yellow { color: var(--ac-warning); background: var(--ac-warning-bg); }
.ac-metric-blue { color: var(--ac-info); background: var(--ac-info-bg); }
.ac-metric-violet { color: #6d3fc0; background: #ece3fb; }
[data-theme="dark"] .ac-metric-violet { color: #d3bbff; background: #33264d; }
.ac-metric-primary { color: var(--ac-primary); background: color-mix(in srgb, var(--ac-primary) 14%, transparent); }
.ac-metric-gray { color: var(--ac-muted); background: var(--ac-bg2); }
.ac-metric-chart { display: block; width: 100%; height: 3rem; margin-top: 0.5rem; overflow: visible; background: none; }
`);

function Arrow({ direction }) {
  return html`<svg viewBox="0 0 24 24" fill="currentColor" role="img" aria-label=${direction === "up" ? "up" : "down"}>
    <path d=${direction === "up" ? "M4 12l1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8-8 8z" : "M20 12l-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8 8-8z"} />
  </svg>`;
}

function Sparkline({ values, type, color }) {
  const points = values.map((v, i) => [i, v]).filter(([, v]) => v !== null && v !== undefined);
  if (!points.length) return null;
  const ys = points.map(([, v]) => v);
  const min = Math.min(...ys, type === "line" ? Infinity : 0);
  const max = Math.max(...ys, type === "line" ? -Infinity : 0);
  const span = max - min || 1;
  const n = Math.max(values.length - 1, 1);
  const x = (i) => (values.length === 1 ? 50 : (i / n) * 100);
  const y = (v) => 38 - ((v - min) / span) * 36;
  const line = points.map(([i, v]) => `${x(i)},${y(v)}`).join(" ");
  const w = 100 / values.length;
  const base = y(Math.max(min, 0));
  return html`<svg class=${`ac-metric-chart ac-metric-${color}`} viewBox="0 0 100 40" preserveAspectRatio="none" role="img"
      aria-label=${`trend of ${values.length} values`}>
    ${type === "bar"
      ? points.map(([i, v]) => html`<rect x=${i * w + w * 0.15} width=${w * 0.7} y=${Math.min(y(v), base)}
          height=${Math.max(Math.abs(y(v) - base), 0.5)} fill="currentColor" opacity="0.8" />`)
      : [
        type === "area" ? html`<polygon points=${`${x(points[0][0])},40 ${line} ${x(points[points.length - 1][0])},40`}
          fill="currentColor" opacity="0.18" />` : null,
        html`<polyline points=${line} fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke"
          stroke-linejoin="round" stroke-linecap="round" />`,
      ]}
  </svg>`;
}

function Delta({ p }) {
  const showArrow = p.direction === "up" || p.direction === "down";
  const description = p.delta_description ? html`<span class="ac-metric-description">${p.delta_description}</span>` : null;
  if (!p.delta) return p.delta_description ? html`<div class="ac-metric-description">${p.delta_description}</div>` : null;
  return html`<div class="ac-metric-delta-row">
    <div class=${`ac-metric-delta ac-metric-${p.color}${showArrow ? " ac-metric-arrow" : ""}`}>
      ${showArrow ? html`<${Arrow} direction=${p.direction} />` : null}<span>${p.delta}</span>
    </div>
    ${description}
  </div>`;
}

export default function Metric({ props: p }) {
  return html`<div class=${p.border ? "ac-metric ac-metric-border" : "ac-metric"} style=${{ ...widthStyle(p.width), ...heightStyle(p.height) }}>
    <div class=${`ac-metric-label ac-metric-label-${p.label_visibility || "visible"}`}>
      <${Icon} icon=${p.icon} /><span class="ac-metric-label-text" title=${p.label}>${p.label}</span><${Help} text=${p.help} html=${p.help_html} />
    </div>
    <div class="ac-metric-value" title=${p.value}>${p.value}</div>
    <${Delta} p=${p} />
    ${p.chart_data?.length ? html`<${Sparkline} values=${p.chart_data} type=${p.chart_type}
      color=${p.color === "gray" && !p.delta ? "blue" : p.color} />` : null}
  </div>`;
}
