// st.date_input: a native date field, or two (start and end) for a range.
// A date picked from the calendar is sent at once; one typed is sent on Enter
// or blur, so that half-typed years are not sent.
import { h, css, nextId, widgetLabel } from "appcore";
import { groupLegend, nameControl, swap, applyWidth } from "./_inputs.js";

css(`
.ac-date-range { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
/* Too narrow for two whole dates side by side (the sidebar): they wrap instead of cutting the year. */
.ac-date-range .ac-input { flex: 1; min-width: 9.5rem; }
.ac-root-sidebar .ac-date-sep { display: none; }
.ac-date-sep { color: var(--ac-muted); }
input[type=date].ac-input::-webkit-calendar-picker-indicator { cursor: pointer; opacity: 0.7; }
`);

export function mount(root, props, ctx) {
  const id = nextId("date-input");
  let p = props;
  let inputs = [];
  let shape = null;
  let typed = false;
  let sent = JSON.stringify(props.value ?? null);

  const read = () => {
    if (!p.range) return inputs[0].value || null;
    return inputs.map((input) => input.value).filter(Boolean);
  };
  const valid = () => inputs.every((input) => input.checkValidity());
  const commit = () => {
    typed = false;
    let value = read();
    if (!p.range && value === null && !p.clearable) { inputs[0].value = p.value ?? ""; return; }
    if (!valid()) return;
    if (p.range && value.length === 2 && value[0] > value[1]) value = [value[1], value[0]];
    const encoded = JSON.stringify(value);
    if (encoded === sent) return;
    sent = encoded;
    ctx.setValue(value);
  };
  const wire = (input) => {
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") commit();
      else if (event.key.length === 1 || event.key === "Backspace" || event.key === "Delete") typed = true;
    });
    input.addEventListener("change", () => {
      if (p.range) {
        const [start, end] = inputs;
        end.min = start.value || p.min;
        start.max = end.value || p.max;
      }
      if (!typed) commit();
    });
    input.addEventListener("blur", () => { if (typed) commit(); });
  };

  let label = null;
  let group = null;
  const build = () => {
    shape = p.range ? "range" : "single";
    if (p.range) {
      const start = h("input", { type: "date", id, class: "ac-input", "aria-label": "Start date" });
      const end = h("input", { type: "date", id: `${id}-end`, class: "ac-input", "aria-label": "End date" });
      inputs = [start, end];
      label = groupLegend(p);
      group = h("fieldset", { class: "ac-group" }, label,
        h("div", { class: "ac-date-range" }, start, h("span", { class: "ac-date-sep", "aria-hidden": "true" }, "–"), end));
    } else {
      inputs = [h("input", { type: "date", id, class: "ac-input" })];
      label = widgetLabel(p, id);
      group = h("div", {}, label, inputs[0]);
    }
    inputs.forEach(wire);
    root.replaceChildren(group);
  };

  const update = (next) => {
    p = next;
    if ((p.range ? "range" : "single") !== shape) build();
    label = swap(label, p.range ? groupLegend(p) : widgetLabel(p, id));
    if (!p.range) {
      label.classList.toggle("ac-required", !!p.required);
      nameControl(inputs[0], p);
    } else if (p.label_visibility !== "visible") group.setAttribute("aria-label", p.label ?? "");
    const values = p.range ? (Array.isArray(p.value) ? p.value : []) : [p.value ?? ""];
    const editing = typed && inputs.includes(document.activeElement);
    inputs.forEach((input, i) => {
      input.min = p.min;
      input.max = p.max;
      input.disabled = !!p.disabled;
      input.required = !!p.required;
      input.title = `Format: ${p.format}`;
      // The server's value wins unless the person is typing a date.
      if (!editing) input.value = values[i] ?? "";
    });
    if (p.range && !editing) {
      inputs[1].min = inputs[0].value || p.min;
      inputs[0].max = inputs[1].value || p.max;
    }
    if (!editing) sent = JSON.stringify(p.value ?? null);
    applyWidth(root, p.width);
  };
  update(props);
  return { update, focus: () => inputs[0].focus() };
}
