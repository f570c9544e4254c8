// st.text_input: sends its value on Enter or when it loses focus, as Streamlit does.
import { h, nextId, widgetLabel } from "appcore";

export function mount(root, props, ctx) {
  const id = nextId("text-input");
  const input = h("input", { id, class: "ac-input" });
  let sent = props.value ?? "";
  const commit = () => {
    if (input.value !== sent) {
      sent = input.value;
      ctx.setValue(input.value);
    }
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      commit();
      ctx.closest("form")?.instance.submitOnEnter?.();  // the form decides (enter_to_submit)
    }
  });
  input.addEventListener("blur", commit);
  let label = widgetLabel(props, id);
  const update = (p) => {
    const fresh = widgetLabel(p, id);
    label.replaceWith(fresh);
    label = fresh;
    input.type = p.type === "password" ? "password" : "text";
    input.placeholder = p.placeholder ?? "";
    input.disabled = !!p.disabled;
    if (p.max_chars) input.maxLength = p.max_chars; else input.removeAttribute("maxlength");
    if (p.autocomplete) input.autocomplete = p.autocomplete;
    const value = p.value ?? "";
    // The server's value wins unless the person is typing something newer.
    if (document.activeElement !== input || input.value === sent) input.value = value;
    sent = value;
  };
  root.append(label, input);
  update(props);
  return { update };
}
