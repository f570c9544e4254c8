// st.rating: max_stars clickable stars; the n-th sets the value to n.
import { css, html, Field, useId } from "appcore";

css(`
.ac-rating { display: inline-flex; gap: 0.1rem; }
.ac-rating-star { background: none; border: none; padding: 0 0.1rem; font-size: 1.6rem; line-height: 1;
  cursor: pointer; color: #c8c8c8; }
.ac-rating-star.ac-on { color: #f5b301; }
.ac-rating-star:disabled { cursor: default; opacity: 0.6; }
.ac-rating-star:focus-visible { outline: 2px solid #f5b301; border-radius: 4px; }
`);

export default function Rating({ props: p, ctx }) {
  const id = useId("rating");
  const value = p.value ?? 0;
  const stars = Array.from({ length: p.max_stars }, (_, i) => i + 1);
  return html`<${Field} props=${p} id=${id}>${(control) => html`<div ...${control} role="group" class="ac-rating"
      data-value=${value}>
    ${stars.map((n) => html`<button type="button" class=${n <= value ? "ac-rating-star ac-on" : "ac-rating-star"}
        aria-label=${`${n} star${n === 1 ? "" : "s"}`} aria-pressed=${n === value ? "true" : "false"}
        disabled=${!!p.disabled} onClick=${() => { if (n !== value) ctx.setValue(n); }}>${n <= value ? "★" : "☆"}</button>`)}
  </div>`}<//>`;
}
