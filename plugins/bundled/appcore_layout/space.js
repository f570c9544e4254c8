// st.space: empty room; its height in a column of elements, its width in a row.
import { html, css } from "appcore";

css(`
.ac-space { height: var(--ac-space); }
.ac-container-horizontal > .ac-el-space { flex: 0 0 auto; min-width: 0; }
.ac-container-horizontal > .ac-el-space > .ac-space { height: auto; width: var(--ac-space); }
.ac-el-space:has(> .ac-space-stretch) { flex: 1 1 auto; }
.ac-container-horizontal > .ac-el-space:has(> .ac-space-stretch) { flex: 1 1 0; }
`);

// Streamlit's sizes, in rem.
const SIZES = { xxsmall: 0.25, xsmall: 0.5, small: 0.75, medium: 2.5, large: 4.25, xlarge: 6, xxlarge: 8 };

export default function Space({ props: p }) {
  const stretch = p.size === "stretch";
  const length = typeof p.size === "number" ? `${p.size}px` : stretch ? "auto" : `${SIZES[p.size] ?? SIZES.small}rem`;
  return html`<div class=${stretch ? "ac-space ac-space-stretch" : "ac-space"} style=${{ "--ac-space": length }} aria-hidden="true" />`;
}
