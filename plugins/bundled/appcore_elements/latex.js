// st.latex: a display-mode formula typeset by the vendored KaTeX (frontend/vendor/katex/,
// see scripts/vendor.py), loaded on first use. Until it loads, or if it cannot, the
// formula's source is shown centred in a maths font.
import { h, css } from "appcore";
import { applyWidth, helpIcon } from "./_shared.js";

css(`
.ac-latex { display: flex; align-items: center; justify-content: center; gap: 0.4rem; padding: 0.6rem 1rem; overflow-x: auto; }
.ac-latex-body { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", "Times New Roman", serif; font-size: 1.2rem; white-space: pre-wrap; text-align: center; }
.ac-latex-body.ac-latex-katex { font-family: inherit; white-space: normal; min-width: 0; }
.ac-latex-katex .katex-display { margin: 0; }
`);

let katexPromise = null;

// KaTeX's module and stylesheet by their plain URLs: the stylesheet names its fonts
// by relative URL, which the server serves under the same plain names.
function loadKatex() {
  if (!katexPromise) {
    const base = `${document.documentElement.dataset.prefix || ""}/_appcore/static/vendor/katex`;
    if (!document.querySelector("link[data-ac-katex]")) {
      document.head.append(h("link", { rel: "stylesheet", href: `${base}/katex.min.css`, "data-ac-katex": "" }));
    }
    katexPromise = import(`${base}/katex.mjs`).then((m) => m.default ?? m).catch((error) => {
      console.warn("appcore: KaTeX could not be loaded; st.latex shows the TeX source", error);
      return null;
    });
  }
  return katexPromise;
}

function typeset(katex, body) {
  const node = h("span", { class: "ac-latex-body ac-latex-katex", "data-tex": body, title: body });
  try {
    katex.render(body, node, { displayMode: true, throwOnError: false });
  } catch (error) {  // throwOnError: false covers parse errors; anything else shows the source
    return null;
  }
  return node;
}

export function mount(root, props) {
  const box = h("div", { class: "ac-latex" });
  let current = props;
  let katex = null;
  const update = (p) => {
    current = p;
    const body = (katex && typeset(katex, p.body))
      || h("span", { class: "ac-latex-body", role: "math", "aria-label": p.body, "data-tex": p.body, title: p.body }, p.body);
    box.replaceChildren(...[body, helpIcon(p.help)].filter(Boolean));
    applyWidth(box, p.width);
  };
  update(props);
  root.append(box);
  loadKatex().then((k) => {
    if (k) {
      katex = k;
      update(current);
    }
  });
  return { update };
}
