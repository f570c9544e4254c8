// st.divider: a horizontal rule.
import { h, css } from "appcore";
import { applyWidth } from "./_shared.js";

css(`.ac-divider { border: none; border-top: 1px solid var(--ac-border); margin: 1.5rem 0 0.5rem; }`);

export function mount(root, props) {
  const rule = h("hr", { class: "ac-divider" });
  const update = (p) => applyWidth(rule, p.width);
  update(props);
  root.append(rule);
  return { update };
}
