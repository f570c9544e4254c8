// A form's container: a bordered box, and Streamlit's error when it has no submit button.
import { css, h } from "appcore";

css(`
.ac-form { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); padding: 1rem; }
.ac-form.ac-form-plain { border: none; padding: 0; }
.ac-form-children > .ac-el:last-child { margin-bottom: 0; }
.ac-form-missing { background: var(--ac-error-bg); color: var(--ac-error); border-radius: var(--ac-radius); padding: 0.75rem 1rem; margin-top: 0.5rem; }
`);

export function mount(root, props, ctx) {
  const box = h("form", { class: "ac-form", "aria-label": props.key, onsubmit: (e) => e.preventDefault() });
  const children = h("div", { class: "ac-form-children" });
  const missing = h("div", { class: "ac-form-missing", role: "alert", hidden: true },
    h("strong", {}, "Missing Submit Button"),
    h("p", {}, "This form has no submit button, which means that user interactions will never be sent to " +
      "your app. To create a submit button, use the st.form_submit_button() function."));
  box.append(children, missing);
  root.append(box);
  let current = props;
  const update = (p) => {
    current = p;
    box.classList.toggle("ac-form-plain", !p.border);
    missing.hidden = !p.missing_submit;
  };
  update(props);
  // Enter in one of its text or number fields: the server submits with the first submit button.
  const submitOnEnter = () => {
    if (current.enter_to_submit) ctx.send({ t: "form_submit", form: current.key });
  };
  return { update, children, submitOnEnter };
}
