// st.holder: a box for its children; Enter in one of their text fields (the bubbling
// "appcore:submit" event) asks the server to press the holder's first button.
import { css, html } from "appcore";

css(`
.ac-holder { border: 1px dashed #8a8fa3; border-radius: 0.5rem; padding: 0.75rem 1rem; }
.ac-holder-children > :last-child { margin-bottom: 0; }
`);

export const children = (root) => root.querySelector(".ac-holder-children");

export default function Holder({ props: p, ctx }) {
  const submit = (event) => {
    event.stopPropagation();
    ctx.send({ t: "holder_submit", holder: p.key });
  };
  return html`<section class="ac-holder" aria-label=${p.key} onappcore:submit=${submit}>
    <div class="ac-holder-children" />
  </section>`;
}
