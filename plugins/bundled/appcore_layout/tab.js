// One tab of st.tabs: a box for its elements; st.tabs shows it or hides it.
import { html, css } from "appcore";

css(`
.ac-tab { display: flex; flex-direction: column; gap: 1rem; min-width: 0; }
.ac-tab > .ac-el { margin-bottom: 0; }
`);

export const children = (root) => root.querySelector(":scope > .ac-tab");

export default function Tab() {
  return html`<div class="ac-tab" />`;
}
