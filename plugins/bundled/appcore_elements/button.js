// st.button (and the form submit button, which shares its props): a trigger widget.
import { h } from "appcore";

export function mount(root, props, ctx) {
  const button = h("button", { type: "button", class: "ac-btn" });
  button.addEventListener("click", () => ctx.setValue(true));
  const update = (p) => {
    button.textContent = p.icon ? `${p.icon} ${p.label}` : p.label;
    button.className = `ac-btn ac-btn-${p.type || "secondary"}${p.use_container_width ? " ac-btn-wide" : ""}`;
    button.disabled = !!p.disabled;
    button.title = p.help || "";
  };
  update(props);
  root.append(button);
  return { update, focus: () => button.focus() };
}
