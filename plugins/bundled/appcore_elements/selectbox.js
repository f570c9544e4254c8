// st.selectbox: a native <select> that sends the chosen index on change. With
// accept_new_options it is a text field with a list of suggestions instead:
// an option's label sends its index, other text is sent as a new option.
import { html, css, Field, useId, useLayoutEffect, useRef, useState } from "appcore";

css(`
.ac-select-box { display: flex; align-items: center; background: var(--ac-bg2); border: 1px solid transparent; border-radius: var(--ac-radius); }
.ac-select-box:focus-within { border-color: var(--ac-primary); }
.ac-select-box .ac-input { border: 0; background-color: transparent; flex: 1; min-width: 0; }
select.ac-input { appearance: none; cursor: pointer; padding-right: 2rem;
  background-image: linear-gradient(45deg, transparent 50%, var(--ac-muted) 50%), linear-gradient(135deg, var(--ac-muted) 50%, transparent 50%);
  background-position: calc(100% - 1.1rem) 55%, calc(100% - 0.8rem) 55%; background-size: 0.3rem 0.3rem; background-repeat: no-repeat; }
select.ac-input:disabled { cursor: not-allowed; }
select.ac-input option { color: var(--ac-text); background: var(--ac-bg); }
.ac-select-placeholder { color: var(--ac-muted); }
.ac-select-icon { padding-left: 0.7rem; }
.ac-select-clear { font: inherit; border: 0; background: none; color: var(--ac-muted); cursor: pointer; padding: 0 0.6rem; font-size: 1.1rem; }
.ac-select-clear:hover { color: var(--ac-text); }
.ac-select-clear:focus-visible { outline: 2px solid var(--ac-primary); border-radius: var(--ac-radius); }
`);

function defaultPlaceholder(p) {
  if (!p.options.length) return p.accept_new_options ? "Add an option" : "No options to select";
  return p.accept_new_options ? "Choose or add an option" : "Choose an option";
}

const given = (value) => value !== null && value !== undefined;

// accept_new_options: a text field with the options as suggestions.
function Combo({ p, send, control, labelOf, disabled }) {
  const input = useRef(null);
  // The server's value wins unless the person is typing.
  useLayoutEffect(() => {
    if (document.activeElement !== input.current) input.current.value = labelOf(p.value);
  }, [p]);
  const commit = () => {
    const text = input.current.value;
    const shown = labelOf(p.value);
    if (text === shown) return;
    if (text === "") { if (p.clearable) send(null); else input.current.value = shown; return; }
    const lower = text.toLowerCase();
    const index = p.options.findIndex((o) => o.toLowerCase() === lower);
    send(index >= 0 ? index : text);
  };
  return [
    html`<input ...${control} ref=${input} class="ac-input" type="text" list=${`${control.id}-list`} autocomplete="off"
      placeholder=${p.placeholder ?? defaultPlaceholder(p)} disabled=${disabled} required=${!!p.required}
      onChange=${commit} onKeyDown=${(event) => { if (event.key === "Enter") commit(); }} />`,
    html`<datalist id=${`${control.id}-list`}>${p.options.map((text) => html`<option value=${text} />`)}</datalist>`,
  ];
}

function Select({ p, send, control, disabled, empty }) {
  const value = typeof p.value === "number" ? String(p.value) : "";
  // An empty choice exists only while nothing is chosen or the widget may be emptied.
  const blank = !given(p.value) || p.clearable || empty;
  return html`<select ...${control} class=${value === "" ? "ac-input ac-select-placeholder" : "ac-input"} value=${value}
      disabled=${disabled} required=${!!p.required}
      onChange=${(event) => send(event.currentTarget.value === "" ? null : Number(event.currentTarget.value))}>
    ${blank ? html`<option value="" class="ac-select-placeholder" disabled=${!p.clearable}>${p.placeholder ?? defaultPlaceholder(p)}</option>` : null}
    ${p.options.map((text, i) => html`<option value=${String(i)}>${text}</option>`)}
  </select>`;
}

export default function Selectbox({ props: server, ctx }) {
  const id = useId("selectbox");
  // What the person chose shows at once (the clear button, a cleared choice); the
  // server's value wins whenever it sends one.
  const [value, setLocal] = useState(server.value);
  useLayoutEffect(() => setLocal(server.value), [server]);
  const p = { ...server, value };
  const send = (next) => { setLocal(next); ctx.setValue(next); };
  const labelOf = (value) => (!given(value) ? "" : typeof value === "number" ? (p.options[value] ?? "") : String(value));
  const empty = !p.options.length && !p.accept_new_options;
  const disabled = !!p.disabled || empty;
  const icon = p.icon && !p.icon.startsWith(":") ? p.icon : "";
  const clear = () => { if (p.value !== null) send(null); };
  return html`<${Field} props=${p} id=${id}>${(control) => html`<div class="ac-select-box">
    <span class="ac-select-icon" aria-hidden="true" hidden=${!icon}>${icon}</span>
    ${p.accept_new_options
      ? html`<${Combo} p=${p} send=${send} control=${control} labelOf=${labelOf} disabled=${disabled} />`
      : html`<${Select} p=${p} send=${send} control=${control} disabled=${disabled} empty=${empty} />`}
    <button type="button" class="ac-select-clear" aria-label="Clear selection"
      hidden=${!p.clearable || !given(p.value) || !!p.disabled} onClick=${clear}>×</button>
  </div>`}<//>`;
}
