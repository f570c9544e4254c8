// What the status elements share: Streamlit's turning icon, and server-rendered Markdown
// text without a paragraph's margins. Not a renderer: modules import it by relative path.
import { css } from "appcore";

css(`
.ac-turning, .ac-status .ac-icon-spinner { display: inline-block; flex-shrink: 0; width: 1rem; height: 1rem; box-sizing: border-box;
  border: 2px solid color-mix(in srgb, currentColor 20%, transparent); border-top-color: currentColor; border-radius: 50%;
  animation: ac-spin 1s linear infinite; }
@media (prefers-reduced-motion: reduce) { .ac-turning, .ac-status .ac-icon-spinner { animation-duration: 3s; } }
.ac-inline-md > p, .ac-inline-md > :first-child { margin-top: 0; }
.ac-inline-md > p:last-child, .ac-inline-md > :last-child { margin-bottom: 0; }
.ac-inline-md code { font-family: var(--ac-mono); font-size: 0.85em; background: var(--ac-bg2); padding: 0.1em 0.25em; border-radius: 0.25rem; }
.ac-inline-md a { color: var(--ac-primary); }
`);

css(`
.ac-spinner-box { display: flex; align-items: center; gap: 0.5rem; line-height: 1.6; }
.ac-spinner-text { display: flex; align-items: baseline; gap: 0.5rem; flex-wrap: wrap; min-width: 0; overflow-wrap: anywhere; }
.ac-spinner-time { opacity: 0.6; font-size: 0.875rem; line-height: 1; white-space: nowrap; }
`);
