// st.checkbox and st.toggle (a checkbox with role="switch"): sends true/false on change.
import { html, css, Field, useId } from "appcore";

css(`
.ac-check-row.ac-nowrap .ac-check-text { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ac-check input { margin: 0.2rem 0 0; width: 1.1rem; height: 1.1rem; accent-color: var(--ac-primary); cursor: inherit; flex-shrink: 0; }
.ac-check input:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; }
.ac-check:has(input:disabled) { opacity: 0.55; cursor: not-allowed; }
.ac-check .ac-switch { appearance: none; position: relative; width: 2.2rem; height: 1.25rem; border-radius: 1rem; background: var(--ac-border); transition: background 0.15s; }
.ac-check .ac-switch::after { content: ""; position: absolute; top: 0.15rem; left: 0.15rem; width: 0.95rem; height: 0.95rem; border-radius: 50%; background: var(--ac-bg); box-shadow: 0 1px 2px rgba(0,0,0,.3); transition: left 0.15s; }
.ac-check .ac-switch:checked { background: var(--ac-primary); }
.ac-check .ac-switch:checked::after { left: 1.1rem; }
`);

export default function Checkbox({ props: p, ctx }) {
  const toggle = ctx.type === "toggle";
  const id = useId(toggle ? "toggle" : "checkbox");
  return html`<${Field} props=${p} id=${id} kind="inline" class=${p.wrap === false ? "ac-nowrap" : ""}>${(control) => html`<input
    ...${control} type="checkbox" class=${toggle ? "ac-switch" : undefined} role=${toggle ? "switch" : undefined}
    checked=${!!p.value} disabled=${!!p.disabled} onChange=${(event) => ctx.setValue(event.currentTarget.checked)} />`}<//>`;
}
