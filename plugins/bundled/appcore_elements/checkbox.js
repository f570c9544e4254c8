// st.checkbox and st.toggle (a checkbox with role="switch"): sends true/false on change.
import { h, css, nextId } from "appcore";
import { helpIcon, nameControl, applyWidth } from "./_inputs.js";

css(`
.ac-check { display: inline-flex; align-items: flex-start; gap: 0.5rem; cursor: pointer; font-size: 1rem; line-height: 1.5; }
.ac-check-row { display: flex; align-items: center; gap: 0.3rem; min-height: 1.5rem; }
.ac-check-row.ac-nowrap .ac-check-text { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ac-check input { margin: 0.2rem 0 0; width: 1.1rem; height: 1.1rem; accent-color: var(--ac-primary); cursor: inherit; flex-shrink: 0; }
.ac-check input:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; }
.ac-check:has(input:disabled) { opacity: 0.55; cursor: not-allowed; }
.ac-check .ac-switch { appearance: none; position: relative; width: 2.2rem; height: 1.25rem; border-radius: 1rem; background: var(--ac-border); transition: background 0.15s; }
.ac-check .ac-switch::after { content: ""; position: absolute; top: 0.15rem; left: 0.15rem; width: 0.95rem; height: 0.95rem; border-radius: 50%; background: var(--ac-bg); box-shadow: 0 1px 2px rgba(0,0,0,.3); transition: left 0.15s; }
.ac-check .ac-switch:checked { background: var(--ac-primary); }
.ac-check .ac-switch:checked::after { left: 1.1rem; }
.ac-check-text.ac-label-hidden { visibility: hidden; }
.ac-check-text.ac-label-collapsed { display: none; }
`);

export function mount(root, props, ctx) {
  const isToggle = root.dataset.testid === "ac-toggle";
  const id = nextId(isToggle ? "toggle" : "checkbox");
  const input = h("input", { type: "checkbox", id, class: isToggle ? "ac-switch" : "" });
  if (isToggle) input.setAttribute("role", "switch");
  const text = h("span", { class: "ac-check-text" });
  const label = h("label", { class: "ac-check", for: id }, input, text);
  const row = h("div", { class: "ac-check-row" }, label);
  let help = null;
  input.addEventListener("change", () => ctx.setValue(input.checked));
  const update = (p) => {
    text.textContent = p.label ?? "";
    text.className = "ac-check-text";
    if (p.label_visibility === "hidden") text.classList.add("ac-label-hidden");
    if (p.label_visibility === "collapsed") text.classList.add("ac-label-collapsed");
    nameControl(input, p);
    input.checked = !!p.value;
    input.disabled = !!p.disabled;
    row.classList.toggle("ac-nowrap", p.wrap === false);
    help?.remove();
    help = p.help && p.label_visibility === "visible" ? helpIcon(p.help) : null;
    if (help) row.append(help);
    applyWidth(root, p.width);
  };
  update(props);
  root.append(row);
  return { update, focus: () => input.focus() };
}
