// markdown and caption: HTML rendered (and sanitised) on the server.
import { h } from "appcore";

export function mount(root, props) {
  const body = h("div", { class: "ac-markdown" });
  const update = (p) => {
    body.innerHTML = p.html;
    body.classList.toggle("ac-caption", root.dataset.testid === "ac-caption");
    body.title = p.help || "";
  };
  update(props);
  root.append(body);
  return { update };
}
