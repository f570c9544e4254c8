// st.time_input: a native time field with the widget's step (in seconds).
// A time picked is sent at once; one typed is sent on Enter or blur.
import { html, Field, useId } from "appcore";
import { typedOrPicked, useTypedField } from "./_inputs.js";

export default function TimeInput({ props: p, ctx }) {
  const id = useId("time-input");
  const { input, typed, sent } = useTypedField(p);
  const wireValue = () => {
    const text = input.current.value;
    if (!text) return null;
    // The server expects seconds only when the step has them.
    return p.step % 60 ? (text.length === 5 ? `${text}:00` : text.slice(0, 8)) : text.slice(0, 5);
  };
  const commit = () => {
    typed.current = false;
    if (!input.current) return;  // a blur as the field leaves the page
    const value = wireValue();
    if (value === null && !p.clearable) { input.current.value = sent.current ?? ""; return; }
    if (value === sent.current) return;
    sent.current = value;
    ctx.setValue(value);
  };
  return html`<${Field} props=${p} id=${id}>${(control) => html`<input ...${control} ref=${input} type="time" class="ac-input"
    step=${p.step} disabled=${!!p.disabled} required=${!!p.required} ...${typedOrPicked(typed, commit)} />`}<//>`;
}
