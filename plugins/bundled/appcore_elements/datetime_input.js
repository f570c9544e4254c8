// st.datetime_input: a native date-and-time field, to the minute (value "YYYY-MM-DDTHH:MM").
// A moment picked is sent at once; one typed is sent on Enter or blur. The step is the
// picker's; a moment off the step (the default "now") is still a value, as in Streamlit.
import { html, css, Field, useId } from "appcore";
import { typedOrPicked, useTypedField } from "./_inputs.js";

css(`
input[type=datetime-local].ac-input:invalid { border-color: transparent; }
input[type=datetime-local].ac-input:focus:invalid { border-color: var(--ac-primary); }
input[type=datetime-local].ac-input[aria-invalid="true"] { border-color: var(--ac-error); }
`);

// Out of range or half typed, but not merely off the step.
const refused = (input) => !input.validity.valid && !(input.validity.stepMismatch
  && !input.validity.rangeUnderflow && !input.validity.rangeOverflow && !input.validity.badInput);

export default function DatetimeInput({ props: p, ctx }) {
  const id = useId("datetime-input");
  const { input, typed, sent } = useTypedField(p, (field) => field.removeAttribute("aria-invalid"));
  const commit = () => {
    typed.current = false;
    const field = input.current;
    if (!field) return;  // a blur as the field leaves the page
    const value = field.value ? field.value.slice(0, 16) : null;
    if (value === null && !p.clearable) { field.value = sent.current ?? ""; return; }
    if (value !== null && refused(field)) { field.setAttribute("aria-invalid", "true"); return; }
    field.removeAttribute("aria-invalid");
    if (value === sent.current) return;
    sent.current = value;
    ctx.setValue(value);
  };
  return html`<${Field} props=${p} id=${id}>${(control) => html`<input ...${control} ref=${input} type="datetime-local"
    class="ac-input" min=${p.min} max=${p.max} step=${p.step} disabled=${!!p.disabled} required=${!!p.required}
    title=${`Date format: ${p.format}`} ...${typedOrPicked(typed, commit)} />`}<//>`;
}
