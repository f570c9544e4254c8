// st.text: the body as typed (no Markdown), line breaks kept; wrap=false keeps one truncated line.
import { h, css } from "appcore";
import { applyWidth, helpIcon } from "./_shared.js";

css(`
.ac-text { display: flex; align-items: baseline; gap: 0.3rem; max-width: 100%; }
.ac-text-body { white-space: pre-wrap; overflow-wrap: anywhere; min-width: 0; }
.ac-text-nowrap .ac-text-body { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ac-text .ac-help { flex-shrink: 0; align-self: center; }
`);

export function mount(root, props) {
  const box = h("div", { class: "ac-text" });
  const update = (p) => {
    const body = p.wrap === false ? p.body.replace(/\r\n|\r|\n/g, " ") : p.body;
    const text = h("span", { class: "ac-text-body", title: p.wrap === false ? p.body : undefined }, body);
    box.replaceChildren(...[text, helpIcon(p.help)].filter(Boolean));
    box.classList.toggle("ac-text-nowrap", p.wrap === false);
    box.style.justifyContent = { center: "center", right: "flex-end" }[p.text_alignment] || "";
    text.style.textAlign = p.text_alignment || "";
    applyWidth(box, p.width);
  };
  update(props);
  root.append(box);
  return { update };
}
