// st.graphviz_chart: DOT laid out and drawn by the vendored Viz.js (frontend/vendor/viz/,
// Graphviz as WebAssembly, see scripts/vendor.py), loaded on the first graph. Graphviz's
// default black lines and text take the page's text colour, and its white page is left
// out, so a graph reads in the dark theme too; colours the graph names are kept.
import { html, css, useEffect, useMemo, useState, useVendored, widthStyle } from "appcore";

css(`
.ac-graphviz { max-width: 100%; overflow: auto; color: var(--ac-text); }
.ac-graphviz svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.ac-graphviz.ac-graphviz-fill svg { width: 100%; }
.ac-graphviz .ac-graphviz-source { font-family: var(--ac-mono); font-size: 0.8rem; white-space: pre-wrap; color: var(--ac-muted); margin: 0; }
.ac-graphviz .ac-graphviz-error { color: var(--ac-error); background: var(--ac-error-bg); border-radius: var(--ac-radius); padding: 0.5rem 0.75rem; font-size: 0.9rem; white-space: pre-wrap; }
`);

// One Viz instance (its WebAssembly module) for every graph on the page, once it is ready.
let vizPromise = null;
let vizInstance = null;

function useViz() {
  const module = useVendored("viz", "viz.mjs");
  const [viz, setViz] = useState(vizInstance);
  useEffect(() => {
    if (!module || viz) return undefined;
    let live = true;
    vizPromise ??= module.instance().then((instance) => (vizInstance = instance));
    vizPromise.then((instance) => { if (live) setViz(() => instance); });
    return () => { live = false; };
  }, [module]);
  return viz;
}

// A graph's URL attributes become links: only web, mail and in-page ones are kept.
const SAFE_LINK = /^\s*(https?:|mailto:|#|\/(?!\/))/i;

function safe(svg) {
  for (const node of svg.querySelectorAll("script, foreignObject")) node.remove();
  for (const node of svg.querySelectorAll("*")) {
    for (const { name, value } of [...node.attributes]) {
      if (/^on/i.test(name) || (/(^|:)href$/i.test(name) && !SAFE_LINK.test(value))) node.removeAttribute(name);
    }
  }
  return svg;
}

function themed(svg) {
  for (const node of svg.querySelectorAll("[stroke='black'],[stroke='#000000']")) node.setAttribute("stroke", "currentColor");
  for (const node of svg.querySelectorAll("[fill='black'],[fill='#000000']")) node.setAttribute("fill", "currentColor");
  for (const text of svg.querySelectorAll("text:not([fill])")) text.setAttribute("fill", "currentColor");
  const page = svg.querySelector("g.graph > polygon[fill='white']");
  if (page) page.setAttribute("fill", "transparent");
  return svg;
}

function Drawing({ viz, p }) {
  const result = useMemo(() => {
    try {
      const svg = themed(safe(viz.renderSVGElement(p.spec, { engine: p.engine })));
      if (typeof p.height === "number") svg.setAttribute("height", `${p.height}px`);
      if (p.alt) { svg.setAttribute("role", "img"); svg.setAttribute("aria-label", p.alt); }
      return { markup: svg.outerHTML };
    } catch (error) {
      return { error: String(error?.message || error) };
    }
  }, [viz, p.spec, p.engine, p.height, p.alt]);
  if (result.error) return html`<div class="ac-graphviz-error" role="alert">Graphviz could not draw this graph: ${result.error}</div>`;
  return html`<div class="ac-graphviz-svg" dangerouslySetInnerHTML=${{ __html: result.markup }} />`;
}

export default function GraphvizChart({ props: p }) {
  const viz = useViz();
  const fill = p.width === "stretch";
  return html`<div class=${`ac-graphviz${fill ? " ac-graphviz-fill" : ""}`} style=${widthStyle(p.width)}>
    ${viz ? html`<${Drawing} viz=${viz} p=${p} />` : html`<pre class="ac-graphviz-source">${p.spec}</pre>`}
  </div>`;
}
