// An uncaught exception (or st.exception): the error and the user's traceback.
import { h } from "appcore";

export function mount(root, props) {
  const update = (p) => {
    root.replaceChildren(h("div", { class: "ac-alert ac-alert-error", role: "alert" },
      h("strong", {}, `${p.type}: `), h("span", { class: "ac-exception-message" }, p.message),
      p.traceback?.length ? h("pre", { class: "ac-traceback" }, p.traceback.join("")) : null));
  };
  update(props);
  return { update };
}
