// st.latex: a display-mode formula typeset by the vendored KaTeX (frontend/vendor/katex/,
// see scripts/vendor.py), loaded on first use. Until it loads, or if it cannot, the
// formula's source is shown centred in a maths font.
import { html, css, widthStyle, Help, useMemo } from "appcore";
import { useVendored } from "./_shared.js";

css(`
.ac-latex { display: flex; align-items: center; justify-content: center; gap: 0.4rem; padding: 0.6rem 1rem; overflow-x: auto; }
.ac-latex-body { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", "Times New Roman", serif; font-size: 1.2rem; white-space: pre-wrap; text-align: center; }
.ac-latex-body.ac-latex-katex { font-family: inherit; white-space: normal; min-width: 0; }
.ac-latex-katex .katex-display { margin: 0; }
`);

// The formula typeset by KaTeX once it has loaded; until then, or if it cannot, the TeX source.
function Formula({ katex, body }) {
  const markup = useMemo(() => {
    if (!katex) return null;
    try {
      return katex.renderToString(body, { displayMode: true, throwOnError: false });
    } catch {  // throwOnError: false covers parse errors; anything else shows the source
      return null;
    }
  }, [katex, body]);
  if (markup) {
    return html`<span key="katex" class="ac-latex-body ac-latex-katex" data-tex=${body} title=${body}
      dangerouslySetInnerHTML=${{ __html: markup }} />`;
  }
  return html`<span key="source" class="ac-latex-body" role="math" aria-label=${body} data-tex=${body} title=${body}>${body}</span>`;
}

export default function Latex({ props: p }) {
  const katex = useVendored("katex", "katex.mjs", ["katex.min.css"]);
  return html`<div class="ac-latex" style=${widthStyle(p.width)}>
    <${Formula} katex=${katex} body=${p.body} /><${Help} text=${p.help} html=${p.help_html} />
  </div>`;
}
