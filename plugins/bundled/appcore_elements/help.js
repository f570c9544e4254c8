// st.help: an object's name, type, value or signature, docstring and public members.
import { h, css } from "appcore";
import { applyWidth } from "./_shared.js";

css(`
.ac-helpbox { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); padding: 0.9rem 1rem; font-size: 0.9rem; min-width: 0; }
.ac-helpbox-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem; }
.ac-helpbox-name { font-family: var(--ac-mono); font-weight: 600; }
.ac-helpbox-type { font-size: 0.75rem; color: var(--ac-muted); background: var(--ac-bg2); border-radius: 999px; padding: 0 0.5rem; }
.ac-helpbox-value { font-family: var(--ac-mono); font-size: 0.85rem; overflow-wrap: anywhere; white-space: pre-wrap; margin-top: 0.35rem; }
.ac-helpbox-doc { white-space: pre-wrap; margin: 0.6rem 0 0; color: var(--ac-text); font-family: var(--ac-font); max-height: 16rem; overflow: auto; }
.ac-helpbox-members { margin-top: 0.75rem; max-height: 18rem; overflow: auto; border-top: 1px solid var(--ac-border); padding-top: 0.5rem; }
.ac-helpbox-members table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
.ac-helpbox-members td { padding: 0.2rem 0.75rem 0.2rem 0; vertical-align: top; }
.ac-helpbox-members td:first-child { font-family: var(--ac-mono); white-space: nowrap; }
.ac-helpbox-members .ac-helpbox-mtype { color: var(--ac-muted); white-space: nowrap; font-size: 0.8rem; }
.ac-helpbox-mval { font-family: var(--ac-mono); font-size: 0.8rem; overflow-wrap: anywhere; }
`);

export function mount(root, props) {
  const box = h("div", { class: "ac-helpbox" });
  const update = (p) => {
    const parts = [h("div", { class: "ac-helpbox-head" },
      p.name ? h("span", { class: "ac-helpbox-name" }, p.name) : null, h("span", { class: "ac-helpbox-type" }, p.type))];
    if (p.value) parts.push(h("div", { class: "ac-helpbox-value" }, p.value));
    if (p.doc) parts.push(h("p", { class: "ac-helpbox-doc" }, p.doc));
    if (p.members?.length) {
      parts.push(h("div", { class: "ac-helpbox-members", tabindex: "0", role: "region", "aria-label": "members" }, h("table", {}, h("tbody", {},
        p.members.map((m) => h("tr", {}, h("td", {}, m.name), h("td", { class: "ac-helpbox-mtype" }, m.type),
          h("td", { class: m.value ? "ac-helpbox-mval" : undefined }, m.value ?? m.doc ?? "")))))));
    }
    box.replaceChildren(...parts);
    applyWidth(box, p.width);
  };
  update(props);
  root.append(box);
  return { update };
}
