// What every server-rendered Markdown shares (st.markdown, st.caption, the headings, the
// alerts' bodies): its typography, and its maths and icons made live. A helper of its own,
// imported by those renderers, so that the page holds one copy of it.
import { css, useLayoutEffect, useRef } from "appcore";
import { linkMaterialSymbols, useVendored } from "./_shared.js";

// Typography for any server-rendered Markdown.
export const MARKDOWN_CSS = `
/* Streamlit 1.67's Markdown palette (text, and the background a badge shares), per theme. */
:root { --ac-md-red: #9e303b; --ac-md-orange: #9b4519; --ac-md-yellow: #956b0f; --ac-md-green: #0c5a44;
  --ac-md-blue: #244fb4; --ac-md-violet: #6f33b8; --ac-md-gray: #686255; --ac-md-rainbow-end: #3f3163;
  --ac-md-red-bg: #fff1f2; --ac-md-orange-bg: #fff6ed; --ac-md-yellow-bg: #fffae5; --ac-md-green-bg: #f1fbf6;
  --ac-md-blue-bg: #edf5ff; --ac-md-violet-bg: #f8f2ff; --ac-md-gray-bg: #f5f4f2; --ac-md-rainbow-bg-end: rgba(88, 63, 132, 0.1);
  --ac-md-primary-bg: color-mix(in srgb, var(--ac-primary) 10%, transparent); }
[data-theme="dark"] { --ac-md-red: #f2919a; --ac-md-orange: #f2a56d; --ac-md-yellow: #fbd54f; --ac-md-green: #7ed5b0;
  --ac-md-blue: #85b8f8; --ac-md-violet: #bf8ef7; --ac-md-gray: #b8b3a8; --ac-md-rainbow-end: #6d3fc0;
  --ac-md-red-bg: #412023; --ac-md-orange-bg: #342414; --ac-md-yellow-bg: #302917; --ac-md-green-bg: #0e2f24;
  --ac-md-blue-bg: #1e2a3d; --ac-md-violet-bg: #332244; --ac-md-gray-bg: #2c2925; --ac-md-rainbow-bg-end: rgba(109, 63, 192, 0.3);
  --ac-md-primary-bg: color-mix(in srgb, var(--ac-primary) 30%, transparent); }
.ac-fg-red { color: var(--ac-md-red); } .ac-fg-orange { color: var(--ac-md-orange); } .ac-fg-yellow { color: var(--ac-md-yellow); }
.ac-fg-green { color: var(--ac-md-green); } .ac-fg-blue { color: var(--ac-md-blue); } .ac-fg-violet { color: var(--ac-md-violet); }
.ac-fg-gray { color: var(--ac-md-gray); } .ac-fg-primary { color: var(--ac-primary); }
.ac-fg-rainbow { background-image: linear-gradient(to right, var(--ac-md-red), var(--ac-md-orange), var(--ac-md-yellow), var(--ac-md-green), var(--ac-md-blue), var(--ac-md-violet), var(--ac-md-rainbow-end)); -webkit-background-clip: text; background-clip: text; color: transparent; }
[class*="ac-bg-"] { border-radius: 0.3rem; padding: 0 0.2rem; }
.ac-bg-red { background: var(--ac-md-red-bg); } .ac-bg-orange { background: var(--ac-md-orange-bg); } .ac-bg-yellow { background: var(--ac-md-yellow-bg); }
.ac-bg-green { background: var(--ac-md-green-bg); } .ac-bg-blue { background: var(--ac-md-blue-bg); } .ac-bg-violet { background: var(--ac-md-violet-bg); }
.ac-bg-gray { background: var(--ac-md-gray-bg); } .ac-bg-primary { background: var(--ac-md-primary-bg); }
.ac-bg-rainbow { background: linear-gradient(to right, var(--ac-md-red-bg), var(--ac-md-orange-bg), var(--ac-md-yellow-bg), var(--ac-md-green-bg), var(--ac-md-blue-bg), var(--ac-md-violet-bg), var(--ac-md-rainbow-bg-end)); }
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
.ac-small { font-size: 0.875em; }
.ac-footnotes { margin-top: 1rem; padding-top: 0.5rem; border-top: 1px solid var(--ac-border); font-size: 0.875rem; color: var(--ac-muted); }
.ac-footnotes ol { margin-bottom: 0; }
.ac-sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.ac-shimmer { animation: ac-shimmer 1.6s ease-in-out infinite; }
@keyframes ac-shimmer { 0%, 100% { opacity: 1; } 50% { opacity: 0.35; } }
@media (prefers-reduced-motion: reduce) { .ac-shimmer { animation: none; } }
.ac-markdown li.task-list-item { list-style: none; margin-left: -1.6rem; }
.task-list-item-checkbox { margin: 0 0.35rem 0 0; vertical-align: -0.1em; accent-color: var(--ac-primary); }
.ac-badge { display: inline-block; max-width: 100%; padding: 0 0.35rem; margin: 0 0.05rem; border-radius: 0.3rem; font-size: 0.875rem; line-height: 1.5; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; vertical-align: middle; }
.ac-badge .ac-icon-material { font-size: 1em; vertical-align: -0.125em; }
.ac-badge-red { background: var(--ac-md-red-bg); color: var(--ac-md-red); } .ac-badge-orange { background: var(--ac-md-orange-bg); color: var(--ac-md-orange); }
.ac-badge-yellow { background: var(--ac-md-yellow-bg); color: var(--ac-md-yellow); } .ac-badge-green { background: var(--ac-md-green-bg); color: var(--ac-md-green); }
.ac-badge-blue { background: var(--ac-md-blue-bg); color: var(--ac-md-blue); } .ac-badge-violet { background: var(--ac-md-violet-bg); color: var(--ac-md-violet); }
.ac-badge-gray { background: var(--ac-md-gray-bg); color: var(--ac-md-gray); }
.ac-badge-primary { background: var(--ac-md-primary-bg); color: var(--ac-primary); }
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
