// st.radio: a fieldset of native radio buttons; sends the chosen index on change.
import { html, css, Field, useId } from "appcore";

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

export default function Radio({ props: p, ctx }) {
  const name = useId("radio");
  const options = p.options.map((text, i) => {
    const id = `${name}-${i}`;
    const caption = p.captions?.[i];
    return html`<div class="ac-radio-option">
      <label for=${id}>
        <input type="radio" name=${name} id=${id} value=${String(i)} checked=${p.value === i} disabled=${!!p.disabled}
          aria-describedby=${caption ? `${id}-caption` : undefined}
          onChange=${(event) => { if (event.currentTarget.checked) ctx.setValue(i); }} />
        <span>${text}</span>
      </label>
      ${caption ? html`<div class="ac-radio-caption" id=${`${id}-caption`}>${caption}</div>` : null}
    </div>`;
  });
  return html`<${Field} props=${p} id=${name} kind="group" class=${p.horizontal ? "ac-radio-horizontal" : ""}>${() => html`
    <div class="ac-radio-options">
      ${options.length ? options : html`<div class="ac-radio-empty">No options to select.</div>`}
    </div>`}<//>`;
}
