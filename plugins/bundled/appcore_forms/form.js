// A form's container: a bordered box, and Streamlit's error when it has no submit button.
// Enter in one of its fields arrives as a bubbling "appcore:submit" event; the form
// decides (enter_to_submit) and the server submits with the first submit button.
import { css, html } from "appcore";

css(`
.ac-form { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); padding: 1rem; }
.ac-form.ac-form-plain { border: none; padding: 0; }
.ac-form-children > .ac-el:last-child { margin-bottom: 0; }
.ac-form-missing { background: var(--ac-error-bg); color: var(--ac-error); border-radius: var(--ac-radius); padding: 0.75rem 1rem; margin-top: 0.5rem; }
`);

export const children = (root) => root.querySelector(".ac-form-children");

export default function Form({ props: p, ctx }) {
  const submit = (event) => {
    event.stopPropagation();
    if (p.enter_to_submit) ctx.send({ t: "form_submit", form: p.key });
  };
  return html`<form class=${p.border ? "ac-form" : "ac-form ac-form-plain"} aria-label=${p.key}
      onSubmit=${(event) => event.preventDefault()} onappcore:submit=${submit}>
    <div class="ac-form-children" />
    ${p.missing_submit ? html`<div class="ac-form-missing" role="alert">
      <strong>Missing Submit Button</strong>
      <p>This form has no submit button, which means that user interactions will never be sent to your app.
        To create a submit button, use the st.form_submit_button() function.</p>
    </div>` : null}
  </form>`;
}
