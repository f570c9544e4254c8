// st.latex: the formula's source, centred in a maths font (KaTeX is not vendored yet).
import { h, css } from "appcore";
import { applyWidth, helpIcon } from "./_shared.js";

css(`
.ac-latex { display: flex; align-items: center; justify-content: center; gap: 0.4rem; padding: 0.6rem 1rem; overflow-x: auto; }
.ac-latex-body { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", "Times New Roman", serif; font-size: 1.2rem; white-space: pre-wrap; text-align: center; }
`);

export function mount(root, props) {
  const box = h("div", { class: "ac-latex" });
  const update = (p) => {
    box.replaceChildren(...[h("span", { class: "ac-latex-body", role: "math", "aria-label": p.body }, p.body), helpIcon(p.help)].filter(Boolean));
    applyWidth(box, p.width);
  };
  update(props);
  root.append(box);
  return { update };
}
