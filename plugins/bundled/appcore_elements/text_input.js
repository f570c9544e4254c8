// st.text_input: sends its value on Enter or when it loses focus, as Streamlit does.
import { html, Field, useId, useLayoutEffect, useRef } from "appcore";

export default function TextInput({ props: p, ctx }) {
  const id = useId("text-input");
  const input = useRef(null);
  const sent = useRef(p.value ?? "");
  // The server's value wins unless the person is typing something newer.
  useLayoutEffect(() => {
    const value = p.value ?? "";
    if (document.activeElement !== input.current || input.current.value === sent.current) input.current.value = value;
    sent.current = value;
  }, [p]);
  // From the event's own field: a blur can come as the field leaves the page.
  const commit = (event) => {
    const { value } = event.currentTarget;
    if (value === sent.current) return;
    sent.current = value;
    ctx.setValue(value);
  };
  const keydown = (event) => {
    if (event.key !== "Enter") return;
    commit(event);
    ctx.dispatch("submit");  // an enclosing form decides (enter_to_submit)
  };
  return html`<${Field} props=${p} id=${id}>${(control) => html`<input ...${control} ref=${input} class="ac-input"
    type=${p.type === "password" ? "password" : "text"} placeholder=${p.placeholder ?? ""} disabled=${!!p.disabled}
    maxlength=${p.max_chars || undefined} autocomplete=${p.autocomplete || undefined} onKeyDown=${keydown} onBlur=${commit} />`}<//>`;
}
