// st.feedback: thumbs, faces or stars as toggle buttons. A click sends the icon's index
// (null when the chosen one is clicked again). Stars fill up to the chosen one.
import { html, css, widthStyle, useLayoutEffect, useState } from "appcore";
import { Icon } from "./_shared.js";

css(`
.ac-feedback { display: inline-flex; gap: 0.15rem; }
.ac-feedback-option { display: inline-flex; align-items: center; justify-content: center; width: 2rem; height: 2rem; padding: 0; border: none; border-radius: var(--ac-radius); background: none; color: var(--ac-muted); font-size: 1.35rem; cursor: pointer; }
.ac-feedback-option:hover:not(:disabled), .ac-feedback-option.ac-feedback-lit { color: var(--ac-primary); }
.ac-feedback-option:hover:not(:disabled) { background: var(--ac-bg2); }
.ac-feedback-option:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 1px; }
.ac-feedback-option:disabled { opacity: 0.55; cursor: not-allowed; }
.ac-feedback-option .ac-icon-material { font-size: 1.5rem; }
`);

const ICONS = {
  thumbs: [[":material/thumb_down:", "thumbs down"], [":material/thumb_up:", "thumbs up"]],
  faces: [[":material/sentiment_stressed:", "very unsatisfied"], [":material/sentiment_dissatisfied:", "unsatisfied"],
    [":material/sentiment_neutral:", "neutral"], [":material/sentiment_satisfied:", "satisfied"],
    [":material/sentiment_very_satisfied:", "very satisfied"]],
  stars: [1, 2, 3, 4, 5].map((n) => [":material/star:", `${n} star${n > 1 ? "s" : ""}`]),
};

// As Streamlit: the thumb up (value 1) comes first, then the thumb down (0).
const shownOrder = (options) => (options === "thumbs" ? [1, 0] : ICONS[options].map((_, i) => i));

export default function Feedback({ props: p, ctx }) {
  const [hover, setHover] = useState(null);
  // What the person chose shows at once; the server's value wins whenever it sends one.
  const [chosen, setChosen] = useState(p.value ?? null);
  useLayoutEffect(() => setChosen(p.value ?? null), [p]);
  const choose = (i) => { setChosen(i); ctx.setValue(i); };
  const stars = p.options === "stars";
  const lit = (i) => (stars ? i <= (hover ?? chosen ?? -1) : i === chosen);
  return html`<div class="ac-feedback" role="group" aria-label=${p.label} style=${widthStyle(p.width)}
      onMouseLeave=${() => setHover(null)}>
    ${shownOrder(p.options).map((i) => [i, ...ICONS[p.options][i]]).map(([i, icon, name]) => html`<button type="button" aria-label=${name} title=${name}
        aria-pressed=${i === chosen ? "true" : "false"} disabled=${!!p.disabled}
        class=${`ac-feedback-option${lit(i) ? " ac-feedback-lit" : ""}${stars && lit(i) ? " ac-feedback-filled" : ""}`}
        onMouseEnter=${() => setHover(i)} onClick=${() => choose(i === chosen ? null : i)}>
      <${Icon} icon=${icon} filled=${stars && lit(i)} />
    </button>`)}
  </div>`;
}
