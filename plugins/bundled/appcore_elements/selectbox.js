// st.selectbox: a native <select> that sends the chosen index on change. With
// accept_new_options it is a text field with a list of suggestions instead:
// an option's label sends its index, other text is sent as a new option.
import { h, css, nextId, widgetLabel } from "appcore";
import { nameControl, swap, applyWidth } from "./_inputs.js";

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

export function mount(root, props, ctx) {
  const id = nextId("selectbox");
  const icon = h("span", { class: "ac-select-icon", "aria-hidden": "true" });
  const box = h("div", { class: "ac-select-box" });
  let p = props;
  let control = null;
  let mode = null;
  let list = null;
  const clear = h("button", { type: "button", class: "ac-select-clear", "aria-label": "Clear selection" }, "×");
  clear.addEventListener("click", () => { if (p.value !== null) ctx.setValue(null); });

  const buildSelect = () => {
    const select = h("select", { id, class: "ac-input" });
    select.addEventListener("change", () => {
      ctx.setValue(select.value === "" ? null : Number(select.value));
    });
    return select;
  };
  const buildCombo = () => {
    list = h("datalist", { id: `${id}-list` });
    const input = h("input", { id, class: "ac-input", type: "text", list: list.id, autocomplete: "off" });
    const commit = () => {
      const text = input.value;
      const shown = labelOf(p.value);
      if (text === shown) return;
      if (text === "") { if (p.clearable) ctx.setValue(null); else input.value = shown; return; }
      const lower = text.toLowerCase();
      const index = p.options.findIndex((o) => o.toLowerCase() === lower);
      ctx.setValue(index >= 0 ? index : text);
    };
    input.addEventListener("change", commit);
    input.addEventListener("keydown", (event) => { if (event.key === "Enter") commit(); });
    return input;
  };
  const labelOf = (value) => (value === null || value === undefined ? ""
    : typeof value === "number" ? (p.options[value] ?? "") : String(value));

  let label = widgetLabel(props, id);
  const update = (next) => {
    p = next;
    const wanted = p.accept_new_options ? "combo" : "select";
    if (wanted !== mode) {
      mode = wanted;
      control = wanted === "combo" ? buildCombo() : buildSelect();
      box.replaceChildren(icon, control, ...(list && wanted === "combo" ? [list] : []), clear);
    }
    label = swap(label, widgetLabel(p, id));
    label.classList.toggle("ac-required", !!p.required);
    nameControl(control, p);
    icon.textContent = p.icon && !p.icon.startsWith(":") ? p.icon : "";
    icon.hidden = !icon.textContent;
    const placeholder = p.placeholder ?? defaultPlaceholder(p);
    const empty = !p.options.length && !p.accept_new_options;
    control.disabled = !!p.disabled || empty;
    control.required = !!p.required;
    clear.hidden = !p.clearable || p.value === null || p.value === undefined || !!p.disabled;
    if (mode === "select") {
      const opts = [];
      // An empty choice exists only while nothing is chosen or the widget may be emptied.
      if (p.value === null || p.value === undefined || p.clearable || empty) {
        opts.push(h("option", { value: "", class: "ac-select-placeholder", disabled: !p.clearable }, placeholder));
      }
      p.options.forEach((text, i) => opts.push(h("option", { value: String(i) }, text)));
      control.replaceChildren(...opts);
      control.value = typeof p.value === "number" ? String(p.value) : "";
      control.classList.toggle("ac-select-placeholder", control.value === "");
    } else {
      list.replaceChildren(...p.options.map((text) => h("option", { value: text })));
      control.placeholder = placeholder;
      // The server's value wins unless the person is typing.
      if (document.activeElement !== control) control.value = labelOf(p.value);
    }
    applyWidth(root, p.width);
  };
  root.append(label, box);
  update(props);
  return { update, focus: () => control.focus() };
}
