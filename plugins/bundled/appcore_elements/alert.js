// st.success, st.info, st.warning, st.error: a tinted box with an icon, an optional title
// and a Markdown body rendered on the server. Errors and warnings interrupt a screen reader.
import { h, css } from "appcore";
import { alertCss, applyWidth, iconNode } from "./_shared.js";
import { MARKDOWN_CSS } from "./markdown.js";

css(MARKDOWN_CSS);
alertCss();

export function mount(root, props) {
  const kind = root.dataset.testid.slice(3);
  const box = h("div", { class: `ac-alert ac-alert-${kind}`, role: kind === "error" || kind === "warning" ? "alert" : "status" });
  const update = (p) => {
    const content = h("div", { class: "ac-alert-content" });
    if (p.title_html) {
      const title = h("div", { class: "ac-alert-title ac-markdown" });
      title.innerHTML = p.title_html;
      content.append(title);
    }
    const body = h("div", { class: "ac-alert-body ac-markdown" });
    body.innerHTML = p.html;
    content.append(body);
    box.replaceChildren(...[iconNode(p.icon, "ac-alert-icon"), content].filter(Boolean));
    applyWidth(box, p.width);
  };
  update(props);
  root.append(box);
  return { update };
}
