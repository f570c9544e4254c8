// An uncaught exception (or st.exception): the error and the user's traceback, as an error alert.
import { h } from "appcore";
import { alertCss } from "./_shared.js";

alertCss();

export function mount(root, props) {
  const update = (p) => {
    root.replaceChildren(h("div", { class: "ac-alert ac-alert-error", role: "alert" },
      h("div", { class: "ac-alert-content" },
        h("strong", {}, `${p.type}: `), h("span", { class: "ac-exception-message" }, p.message),
        p.traceback?.length ? h("pre", { class: "ac-traceback", tabindex: "0", "aria-label": "Traceback" }, p.traceback.join("")) : null)));
  };
  update(props);
  return { update };
}
