// st.radio: a fieldset of native radio buttons; sends the chosen index on change.
import { h, css, nextId } from "appcore";
import { groupLegend, swap, applyWidth } from "./_inputs.js";

css(`
.ac-radio-options { display: flex; flex-direction: column; gap: 0.25rem; }
.ac-radio-horizontal .ac-radio-options { flex-direction: row; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.ac-radio-option { display: flex; flex-direction: column; }
.ac-radio-option label { display: inline-flex; align-items: flex-start; gap: 0.5rem; cursor: pointer; }
.ac-radio-option input { margin: 0.3rem 0 0; width: 1rem; height: 1rem; accent-color: var(--ac-primary); cursor: inherit; flex-shrink: 0; }
.ac-radio-option input:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; }
.ac-radio-option:has(input:disabled) label { opacity: 0.55; cursor: not-allowed; }
.ac-radio-caption { font-size: 0.85rem; color: var(--ac-muted); margin-left: 1.5rem; }
.ac-radio-empty { font-size: 0.9rem; color: var(--ac-muted); }
`);

export function mount(root, props, ctx) {
  const name = nextId("radio");
  const options = h("div", { class: "ac-radio-options" });
  let legend = groupLegend(props);
  const fieldset = h("fieldset", { class: "ac-group" }, legend, options);
  let radios = [];
  let shownOptions = null;

  const build = (p) => {
    radios = p.options.map((text, i) => {
      const id = `${name}-${i}`;
      const input = h("input", { type: "radio", name, id, value: String(i) });
      input.addEventListener("change", () => { if (input.checked) ctx.setValue(i); });
      const caption = p.captions?.[i];
      const option = h("div", { class: "ac-radio-option" }, h("label", { for: id }, input, h("span", {}, text)));
      if (caption) {
        const captionId = `${id}-caption`;
        option.append(h("div", { class: "ac-radio-caption", id: captionId }, caption));
        input.setAttribute("aria-describedby", captionId);
      }
      return { input, option };
    });
    options.replaceChildren(...(radios.length ? radios.map((r) => r.option)
      : [h("div", { class: "ac-radio-empty" }, "No options to select.")]));
  };

  const update = (p) => {
    legend = swap(legend, groupLegend(p));
    if (p.label_visibility !== "visible") fieldset.setAttribute("aria-label", p.label ?? "");
    else fieldset.removeAttribute("aria-label");
    const key = JSON.stringify([p.options, p.captions]);
    if (key !== shownOptions) { shownOptions = key; build(p); }
    fieldset.classList.toggle("ac-radio-horizontal", !!p.horizontal);
    radios.forEach(({ input }, i) => {
      input.disabled = !!p.disabled;
      input.checked = p.value === i;
    });
    applyWidth(root, p.width);
  };
  root.append(fieldset);
  update(props);
  return { update, focus: () => (radios.find((r) => r.input.checked) || radios[0])?.input.focus() };
}
