// st.number_input: a native number field with step buttons. Sends on Enter, on
// blur, on each step button and on ArrowUp/ArrowDown (a step, as Streamlit does).
import { html, css, Field, sprintf, useId, useLayoutEffect, useRef } from "appcore";
import { decimals } from "./_inputs.js";

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

const given = (n) => n !== null && n !== undefined;

export default function NumberInput({ props: p, ctx }) {
  const id = useId("number-input");
  const input = useRef(null);
  const sent = useRef(p.value ?? null);
  // As Streamlit's number_input: printf only (the server checks the pattern), the bare value when
  // sprintf cannot read it. A number field takes only a plain number: drop the sign and padding.
  const printf = (value) => { try { return sprintf(p.format, value); } catch { return String(value); } };
  const shown = (value) => (given(value) ? printf(value).trim().replace(/^\+/, "") : "");
  const clamp = (n) => Math.min(p.max ?? Infinity, Math.max(p.min ?? -Infinity, n));
  const tidy = (n) => clamp(p.data_type === "int" ? Math.trunc(n) : Number(n.toFixed(Math.min(decimals(p.step, p.format), 15))));
  const read = (el) => {
    if (el.value.trim() === "") return null;
    const n = Number(el.value);
    return Number.isFinite(n) ? tidy(n) : undefined;
  };
  // The server's value wins unless the person is typing something newer.
  useLayoutEffect(() => {
    const typing = document.activeElement === input.current && input.current.value !== shown(sent.current);
    if (!typing) input.current.value = shown(p.value ?? null);
    sent.current = p.value ?? null;
  }, [p]);
  const send = (el, value) => {
    el.value = shown(value);
    if (value === sent.current) return;
    sent.current = value;
    ctx.setValue(value);
  };
  // From the event's own field: a blur can come as the field leaves the page.
  const commit = (event) => {
    const el = event.currentTarget;
    const value = read(el);
    // An empty or unreadable field goes back to the last value unless the widget may be empty.
    if (value === undefined || (value === null && !p.clearable)) { el.value = shown(sent.current); return; }
    send(el, value);
  };
  const step = (direction) => send(input.current, tidy((read(input.current) ?? sent.current ?? p.min ?? 0) + direction * p.step));
  const keydown = (event) => {
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();  // the field's own stepping would show the bare number and send nothing
      if (!p.disabled) step(event.key === "ArrowUp" ? 1 : -1);
      return;
    }
    if (event.key !== "Enter") return;
    commit(event);
    ctx.dispatch("submit");  // an enclosing form decides (enter_to_submit)
  };
  const value = p.value ?? null;
  const atMin = !!p.disabled || (given(value) && given(p.min) && value <= p.min);
  const atMax = !!p.disabled || (given(value) && given(p.max) && value >= p.max);
  const icon = p.icon && !p.icon.startsWith(":") ? p.icon : "";
  return html`<${Field} props=${p} id=${id}>${(control) => html`<div class="ac-number">
    <span class="ac-number-icon" aria-hidden="true" hidden=${!icon}>${icon}</span>
    <input ...${control} ref=${input} class="ac-input" type="number" inputmode=${p.data_type === "int" ? "numeric" : "decimal"}
      placeholder=${p.placeholder ?? ""} disabled=${!!p.disabled} required=${!!p.required}
      min=${given(p.min) ? p.min : undefined} max=${given(p.max) ? p.max : undefined} step=${p.step}
      onKeyDown=${keydown} onBlur=${commit} />
    <button type="button" class="ac-number-step" aria-label="Decrement" aria-controls=${id} disabled=${atMin} onClick=${() => step(-1)}>−</button>
    <button type="button" class="ac-number-step" aria-label="Increment" aria-controls=${id} disabled=${atMax} onClick=${() => step(1)}>+</button>
  </div>`}<//>`;
}
