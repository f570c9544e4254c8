// st.number_input: a native number field with step buttons. Sends on Enter, on
// blur and on each step button, as Streamlit does; arrows only move the field.
import { h, css, nextId, widgetLabel } from "appcore";
import { nameControl, swap, applyWidth, sprintf, decimals } from "./_inputs.js";

css(`
.ac-number { display: flex; align-items: stretch; background: var(--ac-bg2); border: 1px solid transparent; border-radius: var(--ac-radius); }
.ac-number:focus-within { border-color: var(--ac-primary); }
.ac-number .ac-input { border: 0; background: transparent; min-width: 0; flex: 1; -moz-appearance: textfield; }
.ac-number .ac-input::-webkit-inner-spin-button, .ac-number .ac-input::-webkit-outer-spin-button { -webkit-appearance: none; margin: 0; }
.ac-number-icon { display: flex; align-items: center; padding-left: 0.7rem; }
.ac-number-icon[hidden] { display: none; }
.ac-number-step { font: inherit; width: 2.4rem; border: 0; background: transparent; color: var(--ac-text); cursor: pointer; font-size: 1.1rem; }
.ac-number-step:last-child { border-radius: 0 var(--ac-radius) var(--ac-radius) 0; }
.ac-number-step:hover:not(:disabled) { background: var(--ac-primary); color: #fff; }
.ac-number-step:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: -2px; }
.ac-number-step:disabled { opacity: 0.4; cursor: not-allowed; }
`);

export function mount(root, props, ctx) {
  const id = nextId("number-input");
  const input = h("input", { id, class: "ac-input", type: "number" });
  const minus = h("button", { type: "button", class: "ac-number-step", "aria-label": "Decrement", "aria-controls": id }, "−");
  const plus = h("button", { type: "button", class: "ac-number-step", "aria-label": "Increment", "aria-controls": id }, "+");
  const icon = h("span", { class: "ac-number-icon", "aria-hidden": "true" });
  const box = h("div", { class: "ac-number" }, icon, input, minus, plus);
  let p = props;
  let sent = props.value ?? null;
  // A number field takes only a plain number: drop the sign and padding a format may add.
  const shown = (value) => (value === null || value === undefined ? "" : sprintf(p.format, value).trim().replace(/^\+/, ""));
  const clamp = (n) => Math.min(p.max ?? Infinity, Math.max(p.min ?? -Infinity, n));
  const tidy = (n) => {
    n = p.data_type === "int" ? Math.trunc(n) : Number(n.toFixed(Math.min(decimals(p.step, p.format), 15)));
    return clamp(n);
  };
  const read = () => {
    if (input.value.trim() === "") return null;
    const n = Number(input.value);
    return Number.isFinite(n) ? tidy(n) : undefined;
  };
  const send = (value) => {
    input.value = shown(value);
    if (value === sent) return;
    sent = value;
    ctx.setValue(value);
  };
  const commit = () => {
    const value = read();
    // An empty or unreadable field goes back to the last value unless the widget may be empty.
    if (value === undefined || (value === null && !p.clearable)) { input.value = shown(sent); return; }
    send(value);
  };
  const step = (direction) => {
    const base = read() ?? sent ?? p.min ?? 0;
    send(tidy(base + direction * p.step));
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      commit();
      ctx.closest("form")?.instance.submitOnEnter?.();  // the form decides (enter_to_submit)
    }
  });
  input.addEventListener("blur", commit);
  minus.addEventListener("click", () => step(-1));
  plus.addEventListener("click", () => step(1));
  let label = widgetLabel(props, id);
  const update = (next) => {
    p = next;
    label = swap(label, widgetLabel(p, id));
    label.classList.toggle("ac-required", !!p.required);
    nameControl(input, p);
    input.inputMode = p.data_type === "int" ? "numeric" : "decimal";
    input.placeholder = p.placeholder ?? "";
    input.disabled = minus.disabled = plus.disabled = !!p.disabled;
    input.required = !!p.required;
    if (p.min !== null && p.min !== undefined) input.min = p.min; else input.removeAttribute("min");
    if (p.max !== null && p.max !== undefined) input.max = p.max; else input.removeAttribute("max");
    input.step = p.step;
    icon.textContent = p.icon && !p.icon.startsWith(":") ? p.icon : "";
    icon.hidden = !icon.textContent;
    const value = p.value ?? null;
    if (!p.disabled) {
      minus.disabled = value !== null && p.min !== null && p.min !== undefined && value <= p.min;
      plus.disabled = value !== null && p.max !== null && p.max !== undefined && value >= p.max;
    }
    // The server's value wins unless the person is typing something newer.
    const typing = document.activeElement === input && input.value !== shown(sent);
    if (!typing) input.value = shown(value);
    sent = value;
    applyWidth(root, p.width);
  };
  root.append(label, box);
  update(props);
  return { update, focus: () => input.focus() };
}
