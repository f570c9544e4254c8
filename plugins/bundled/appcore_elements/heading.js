// title, header and subheader: h1, h2, h3 with an anchor and an optional divider.
import { h } from "appcore";

export function mount(root, props) {
  let current = null;
  const update = (p) => {
    const heading = h(`h${p.level}`, { class: "ac-heading", id: p.anchor || undefined });
    heading.innerHTML = p.html;
    if (p.help) heading.append(h("span", { class: "ac-help", title: p.help, tabindex: "0" }, "?"));
    const parts = [heading];
    if (p.divider) parts.push(h("hr", { class: `ac-heading-divider ac-divider-${p.divider}` }));
    if (current) current.forEach((el) => el.remove());
    current = parts;
    root.append(...parts);
  };
  update(props);
  return { update };
}
