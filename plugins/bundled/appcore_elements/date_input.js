// st.date_input: a native date field, or two (start and end) for a range.
// A date picked from the calendar is sent at once; one typed is sent on Enter
// or blur, so that half-typed years are not sent.
import { html, css, Field, useId, useLayoutEffect, useRef } from "appcore";
import { typedOrPicked } from "./_inputs.js";

css(`
.ac-date-range { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
/* Too narrow for two whole dates side by side (the sidebar): they wrap instead of cutting the year. */
.ac-date-range .ac-input { flex: 1; min-width: 9.5rem; }
.ac-root-sidebar .ac-date-sep { display: none; }
.ac-date-sep { color: var(--ac-muted); }
`);

export default function DateInput({ props: p, ctx }) {
  const id = useId("date-input");
  const start = useRef(null);
  const end = useRef(null);
  const typed = useRef(false);
  const sent = useRef(JSON.stringify(p.value ?? null));
  const inputs = () => (p.range ? [start.current, end.current] : [start.current]);
  // The server's value wins unless the person is typing a date.
  useLayoutEffect(() => {
    if (typed.current && inputs().includes(document.activeElement)) return;
    const values = p.range ? (Array.isArray(p.value) ? p.value : []) : [p.value ?? ""];
    inputs().forEach((input, i) => { input.value = values[i] ?? ""; });
    bound();
    sent.current = JSON.stringify(p.value ?? null);
  }, [p]);
  // In a range, neither end may pass the other.
  const bound = () => {
    if (!p.range) return;
    end.current.min = start.current.value || p.min;
    start.current.max = end.current.value || p.max;
  };
  const commit = () => {
    typed.current = false;
    if (!start.current) return;  // a blur as the field leaves the page
    let value = p.range ? inputs().map((input) => input.value).filter(Boolean) : start.current.value || null;
    if (!p.range && value === null && !p.clearable) { start.current.value = p.value ?? ""; return; }
    if (!inputs().every((input) => input.checkValidity())) return;
    if (p.range && value.length === 2 && value[0] > value[1]) value = [value[1], value[0]];
    const encoded = JSON.stringify(value);
    if (encoded === sent.current) return;
    sent.current = encoded;
    ctx.setValue(value);
  };
  const handlers = typedOrPicked(typed, commit, bound);
  const common = { type: "date", class: "ac-input", min: p.min, max: p.max, disabled: !!p.disabled,
    required: !!p.required, title: `Format: ${p.format}`, ...handlers };
  if (!p.range) {
    return html`<${Field} props=${p} id=${id}>${(control) => html`<input ...${common} ...${control} ref=${start} />`}<//>`;
  }
  return html`<${Field} props=${p} id=${id} kind="group">${() => html`<div class="ac-date-range">
    <input ...${common} id=${id} ref=${start} aria-label="Start date" />
    <span class="ac-date-sep" aria-hidden="true">–</span>
    <input ...${common} id=${`${id}-end`} ref=${end} aria-label="End date" />
  </div>`}<//>`;
}
