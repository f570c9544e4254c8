// st.color_picker: a native colour input; sends "#rrggbb" when the picker closes (change).
import { html, css, Field, useId, useLayoutEffect, useRef, useState } from "appcore";

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

export default function ColorPicker({ props: p, ctx }) {
  const id = useId("color-picker");
  const input = useRef(null);
  const sent = useRef(sixDigits(p.value));
  const picking = useRef(false);
  const [hex, setHex] = useState(p.value ?? "");
  // The server's value wins unless the picker is open with a newer colour.
  useLayoutEffect(() => {
    if (picking.current) return;
    sent.current = sixDigits(p.value);
    input.current.value = sent.current;
    setHex(p.value ?? "");
  }, [p]);
  const pick = () => { picking.current = true; setHex(input.current.value); };
  const change = () => {
    picking.current = false;
    setHex(input.current.value);
    if (input.current.value === sent.current) return;
    sent.current = input.current.value;
    ctx.setValue(sent.current);
  };
  return html`<${Field} props=${p} id=${id}>${(control) => html`<div class="ac-color">
    <input ...${control} ref=${input} type="color" disabled=${!!p.disabled} onInput=${pick} onChange=${change} />
    <span class="ac-color-hex" aria-hidden="true">${hex}</span>
  </div>`}<//>`;
}
