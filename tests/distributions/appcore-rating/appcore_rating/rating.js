// st.rating: max_stars clickable stars; the n-th sets the value to n.
import { css, html, Field, useId, useLayoutEffect, useState } from "appcore";

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
  // The server does not send the element again for the value this tab itself sent, so the
  // component shows the star clicked last, and the server's value whenever new props come.
  const [value, setShown] = useState(p.value ?? 0);
  useLayoutEffect(() => setShown(p.value ?? 0), [p]);
  const pick = (n) => {
    if (n === value) return;
    setShown(n);
    ctx.setValue(n);
  };
  const stars = Array.from({ length: p.max_stars }, (_, i) => i + 1);
  return html`<${Field} props=${p} id=${id} kind="group">${() => html`<div class="ac-rating" data-value=${value}>
    ${stars.map((n) => html`<button type="button" class=${n <= value ? "ac-rating-star ac-on" : "ac-rating-star"}
        aria-label=${`${n} star${n === 1 ? "" : "s"}`} aria-pressed=${n === value ? "true" : "false"}
        disabled=${!!p.disabled} onClick=${() => pick(n)}>${n <= value ? "★" : "☆"}</button>`)}
  </div>`}<//>`;
}
