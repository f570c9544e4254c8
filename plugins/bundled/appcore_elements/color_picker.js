// st.color_picker: a native colour input; sends "#rrggbb" when the picker closes (change).
import { h, css, nextId, widgetLabel } from "appcore";
import { nameControl, swap, applyWidth } from "./_inputs.js";

css(`
.ac-color { display: flex; align-items: center; gap: 0.6rem; }
.ac-color input[type=color] { width: 2.6rem; height: 2.4rem; padding: 0.15rem; border: 1px solid var(--ac-border); border-radius: var(--ac-radius); background: var(--ac-bg); cursor: pointer; }
.ac-color input[type=color]:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; }
.ac-color input[type=color]:disabled { opacity: 0.55; cursor: not-allowed; }
.ac-color-hex { font-family: var(--ac-mono); font-size: 0.85rem; color: var(--ac-muted); }
`);

// <input type=color> takes only "#rrggbb": expand "#abc".
function sixDigits(value) {
  const hex = String(value || "#000000").toLowerCase();
  return /^#[0-9a-f]{3}$/.test(hex) ? `#${[...hex.slice(1)].map((c) => c + c).join("")}` : hex;
}

export function mount(root, props, ctx) {
  const id = nextId("color-picker");
  const input = h("input", { type: "color", id });
  const hex = h("span", { class: "ac-color-hex", "aria-hidden": "true" });
  let sent = sixDigits(props.value);
  let picking = false;
  input.addEventListener("input", () => { picking = true; hex.textContent = input.value; });
  input.addEventListener("change", () => {
    picking = false;
    hex.textContent = input.value;
    if (input.value === sent) return;
    sent = input.value;
    ctx.setValue(input.value);
  });
  let label = widgetLabel(props, id);
  const update = (p) => {
    label = swap(label, widgetLabel(p, id));
    nameControl(input, p);
    input.disabled = !!p.disabled;
    // The server's value wins unless the picker is open with a newer colour.
    if (!picking) {
      sent = sixDigits(p.value);
      input.value = sent;
      hex.textContent = p.value ?? "";
    }
    applyWidth(root, p.width);
  };
  root.append(label, h("div", { class: "ac-color" }, input, hex));
  update(props);
  return { update, focus: () => input.focus() };
}
