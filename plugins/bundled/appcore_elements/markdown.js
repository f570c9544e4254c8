// markdown and caption: HTML rendered (and sanitised) on the server. Maths in it
// (.ac-math, its TeX in data-tex) is typeset by the vendored KaTeX, loaded on the
// first element that has some; Material icons link their font on first use.
import { html, css, widthStyle, useLayoutEffect, useRef, Help } from "appcore";
import { linkMaterialSymbols, useVendored } from "./_shared.js";

// Typography for any server-rendered Markdown (alerts import it for their bodies).
export const MARKDOWN_CSS = `
.ac-fg-blue { color: #1c83e1; } .ac-fg-green { color: #21a34b; } .ac-fg-orange { color: #e07000; }
.ac-fg-red { color: #e0393e; } .ac-fg-violet { color: #803df5; } .ac-fg-gray { color: var(--ac-muted); }
.ac-fg-primary { color: var(--ac-primary); }
.ac-fg-rainbow { background: linear-gradient(to right, #ff4b4b, #ff8700, #e0b000, #21c354, #1c83e1, #803df5); -webkit-background-clip: text; background-clip: text; color: transparent; }
[class*="ac-bg-"] { border-radius: 0.3rem; padding: 0 0.2rem; }
.ac-bg-blue { background: rgba(28, 131, 225, 0.15); } .ac-bg-green { background: rgba(33, 195, 84, 0.15); }
.ac-bg-orange { background: rgba(255, 135, 0, 0.15); } .ac-bg-red { background: rgba(255, 75, 75, 0.15); }
.ac-bg-violet { background: rgba(128, 61, 245, 0.15); } .ac-bg-gray { background: rgba(163, 168, 184, 0.2); }
.ac-bg-primary { background: color-mix(in srgb, var(--ac-primary) 15%, transparent); }
.ac-bg-rainbow { background: linear-gradient(to right, rgba(255,75,75,.15), rgba(255,135,0,.15), rgba(33,195,84,.15), rgba(28,131,225,.15), rgba(128,61,245,.15)); }
/* unsafe_allow_html may bring position: fixed and z-index: paint, overlays and stacking stay in the element's box. */
.ac-markdown { overflow-wrap: break-word; contain: paint; isolation: isolate; }
.ac-markdown > :first-child { margin-top: 0; }
.ac-markdown > :last-child { margin-bottom: 0; }
.ac-markdown p, .ac-markdown ul, .ac-markdown ol, .ac-markdown pre, .ac-markdown table, .ac-markdown blockquote { margin: 0 0 1rem; }
.ac-markdown ul, .ac-markdown ol { padding-left: 1.6rem; }
.ac-markdown li { margin: 0.2rem 0; }
.ac-markdown li > ul, .ac-markdown li > ol { margin-bottom: 0; }
.ac-markdown h1, .ac-markdown h2, .ac-markdown h3, .ac-markdown h4, .ac-markdown h5, .ac-markdown h6 { margin: 1.5rem 0 0.75rem; line-height: 1.25; font-weight: 700; }
.ac-markdown h1 { font-size: 2.25rem; } .ac-markdown h2 { font-size: 1.75rem; } .ac-markdown h3 { font-size: 1.5rem; }
.ac-markdown h4 { font-size: 1.25rem; } .ac-markdown h5 { font-size: 1.1rem; } .ac-markdown h6 { font-size: 1rem; }
.ac-markdown a { color: var(--ac-primary); text-decoration: underline; text-underline-offset: 0.15em; }
.ac-markdown a:hover { text-decoration-thickness: 2px; }
.ac-markdown a:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; border-radius: 2px; }
.ac-markdown code { font-family: var(--ac-mono); font-size: 0.85em; padding: 0.1em 0.35em; border-radius: 0.3rem; background: var(--ac-bg2); color: var(--ac-text); overflow-wrap: anywhere; }
.ac-markdown pre { padding: 1rem; border-radius: var(--ac-radius); background: var(--ac-bg2); overflow-x: auto; line-height: 1.5; }
.ac-markdown pre code { padding: 0; background: none; font-size: 0.85rem; overflow-wrap: normal; }
.ac-markdown blockquote { padding: 0.1rem 0 0.1rem 1rem; border-left: 0.25rem solid var(--ac-border); color: var(--ac-muted); }
.ac-markdown table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; font-size: 0.925rem; }
.ac-markdown th, .ac-markdown td { border: 1px solid var(--ac-border); padding: 0.35rem 0.75rem; text-align: left; }
.ac-markdown th { background: var(--ac-bg2); font-weight: 600; }
.ac-markdown hr { border: none; border-top: 1px solid var(--ac-border); margin: 1.5rem 0; }
.ac-markdown img { max-width: 100%; }
.ac-markdown del { color: var(--ac-muted); }
.ac-fg-yellow { color: #b59a00; } .ac-bg-yellow { background: rgba(255, 214, 0, 0.2); }
.ac-small { font-size: 0.875em; }
.ac-shimmer { animation: ac-shimmer 1.6s ease-in-out infinite; }
@keyframes ac-shimmer { 0%, 100% { opacity: 1; } 50% { opacity: 0.35; } }
@media (prefers-reduced-motion: reduce) { .ac-shimmer { animation: none; } }
.ac-markdown li.task-list-item { list-style: none; margin-left: -1.6rem; }
.task-list-item-checkbox { margin: 0 0.35rem 0 0; vertical-align: -0.1em; accent-color: var(--ac-primary); }
.ac-badge { display: inline-block; max-width: 100%; padding: 0 0.35rem; margin: 0 0.05rem; border-radius: 0.3rem; font-size: 0.875rem; line-height: 1.5; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; vertical-align: middle; }
.ac-badge .ac-icon-material { font-size: 1em; vertical-align: -0.125em; }
.ac-badge-blue { background: rgba(28, 131, 225, 0.15); color: #0054a3; } .ac-badge-green { background: rgba(33, 195, 84, 0.15); color: #158237; }
.ac-badge-orange { background: rgba(255, 135, 0, 0.15); color: #b35c00; } .ac-badge-red { background: rgba(255, 75, 75, 0.15); color: #c72a2a; }
.ac-badge-violet { background: rgba(128, 61, 245, 0.15); color: #6531c4; } .ac-badge-yellow { background: rgba(255, 214, 0, 0.2); color: #8a6d00; }
.ac-badge-gray { background: rgba(163, 168, 184, 0.2); color: var(--ac-muted); }
.ac-badge-primary { background: color-mix(in srgb, var(--ac-primary) 15%, transparent); color: var(--ac-primary); }
[data-theme="dark"] .ac-badge-blue { color: #a8d1ff; } [data-theme="dark"] .ac-badge-green { color: #7ee2a1; }
[data-theme="dark"] .ac-badge-orange { color: #ffbd75; } [data-theme="dark"] .ac-badge-red { color: #ffabab; }
[data-theme="dark"] .ac-badge-violet { color: #cdb5ff; } [data-theme="dark"] .ac-badge-yellow { color: #ffe38a; }
.ac-math-display { display: block; text-align: center; margin: 0 0 1rem; overflow-x: auto; overflow-y: hidden; }
.ac-math .katex-display { margin: 0; }
.ac-markdown-nowrap { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ac-markdown-nowrap > * { display: inline; margin: 0; }
.ac-caption { font-size: 0.875rem; color: var(--ac-muted); }
.ac-markdown-help-row { display: flex; align-items: flex-start; gap: 0.5rem; }
.ac-markdown-help-row > .ac-markdown { flex: 1 1 auto; min-width: 0; }
.ac-markdown-help-row > .ac-help { flex-shrink: 0; margin-top: 0.2rem; }
.ac-caption code { font-size: 0.8rem; }
`;

css(MARKDOWN_CSS);

// Typeset every .ac-math inside `root` (idempotent: a typeset one is marked).
export function typesetMaths(root, katex) {
  for (const node of root.querySelectorAll(".ac-math:not([data-typeset])")) {
    try {
      katex.render(node.dataset.tex, node, { displayMode: node.classList.contains("ac-math-display"), throwOnError: false });
      node.dataset.typeset = "";
    } catch {  // throwOnError: false covers parse errors; anything else leaves the source
    }
  }
}

// Server-rendered Markdown HTML with its maths typeset and its icons' font linked.
export function useRichHtml(markup) {
  const ref = useRef(null);
  const hasMaths = markup.includes('class="ac-math');
  const katex = useVendored(hasMaths ? "katex" : null, "katex.mjs", ["katex.min.css"]);
  if (markup.includes("ac-icon-material")) linkMaterialSymbols();
  useLayoutEffect(() => {
    if (katex && ref.current) typesetMaths(ref.current, katex);
  }, [markup, katex]);
  return ref;
}

export default function Markdown({ props: p, ctx }) {
  const ref = useRichHtml(p.html);
  const classes = [ctx.type === "caption" ? "ac-markdown ac-caption" : "ac-markdown",
    p.wrap === false ? "ac-markdown-nowrap" : ""].join(" ");
  const style = { ...(p.width === "auto" ? {} : widthStyle(p.width)), textAlign: p.text_alignment || undefined };
  const body = html`<div ref=${ref} class=${classes} style=${p.help ? undefined : style}
    dangerouslySetInnerHTML=${{ __html: p.html }} />`;
  if (!p.help) return body;
  // As Streamlit: the help's "?" sits beside the text, its tooltip the help's Markdown.
  return html`<div class="ac-markdown-help-row" style=${style}>${body}<${Help} text=${p.help} html=${p.help_html} /></div>`;
}
