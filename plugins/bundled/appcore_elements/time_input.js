// st.time_input: a native time field with the widget's step (in seconds).
// A time picked is sent at once; one typed is sent on Enter or blur.
import { h, css, nextId, widgetLabel } from "appcore";
import { nameControl, swap, applyWidth } from "./_inputs.js";

css(`
input[type=time].ac-input::-webkit-calendar-picker-indicator { cursor: pointer; opacity: 0.7; }
`);

export function mount(root, props, ctx) {
  const id = nextId("time-input");
  const input = h("input", { type: "time", id, class: "ac-input" });
  let p = props;
  let typed = false;
  let sent = props.value ?? null;
  const wireValue = () => {
    if (!input.value) return null;
    // The server expects seconds only when the step has them.
    return p.step % 60 ? (input.value.length === 5 ? `${input.value}:00` : input.value.slice(0, 8)) : input.value.slice(0, 5);
  };
  const commit = () => {
    typed = false;
    const value = wireValue();
    if (value === null && !p.clearable) { input.value = sent ?? ""; return; }
    if (value === sent) return;
    sent = value;
    ctx.setValue(value);
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") commit();
    else if (event.key.length === 1 || event.key === "Backspace" || event.key === "Delete") typed = true;
  });
  input.addEventListener("change", () => { if (!typed) commit(); });
  input.addEventListener("blur", () => { if (typed) commit(); });
  let label = widgetLabel(props, id);
  const update = (next) => {
    p = next;
    label = swap(label, widgetLabel(p, id));
    label.classList.toggle("ac-required", !!p.required);
    nameControl(input, p);
    input.step = p.step;
    input.disabled = !!p.disabled;
    input.required = !!p.required;
    // The server's value wins unless the person is typing a time.
    if (!(typed && document.activeElement === input)) {
      input.value = p.value ?? "";
      sent = p.value ?? null;
    }
    applyWidth(root, p.width);
  };
  root.append(label, input);
  update(props);
  return { update, focus: () => input.focus() };
}
