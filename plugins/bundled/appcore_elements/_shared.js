// Pieces the display elements share: height props, icons, alert styles. Width and
// help come from "appcore" (widthStyle, Help). Not a renderer: element modules
// import it by relative path.
import { html, css } from "appcore";

// height props as Streamlit's: "stretch", "content" or pixels.
export function heightStyle(height) {
  if (typeof height === "number") return { height: `${height}px`, overflow: "auto" };
  if (height === "stretch") return { height: "100%" };
  return {};
}

// Vendored libraries and icons are the runtime's (every plugin loads them); re-exported for
// this plugin's modules.
export { useVendored, Icon, linkMaterialSymbols } from "appcore";


// Alerts and exceptions share one look: coloured text on a tinted box.
export function alertCss() {
  css(`
.ac-alert { display: flex; gap: 0.75rem; align-items: flex-start; padding: 0.9rem 1rem; border-radius: var(--ac-radius); color: var(--ac-text); line-height: 1.55; overflow-wrap: anywhere; }
.ac-alert-success { background: var(--ac-success-bg); color: var(--ac-success); }
.ac-alert-info { background: var(--ac-info-bg); color: var(--ac-info); }
.ac-alert-warning { background: var(--ac-warning-bg); color: var(--ac-warning); }
.ac-alert-error { background: var(--ac-error-bg); color: var(--ac-error); }
.ac-alert-icon { flex-shrink: 0; font-size: 1.1rem; line-height: 1.4rem; min-width: 1.1rem; text-align: center; }
.ac-alert-content { flex: 1; min-width: 0; }
.ac-alert-title { font-weight: 600; margin-bottom: 0.25rem; }
.ac-alert .ac-markdown { color: inherit; }
.ac-alert .ac-markdown a { color: inherit; text-decoration: underline; }
.ac-alert .ac-markdown code { background: color-mix(in srgb, currentColor 12%, transparent); color: inherit; }
.ac-traceback { margin: 0.75rem 0 0; padding: 0.75rem; max-height: 24rem; overflow: auto; white-space: pre; font-family: var(--ac-mono); font-size: 0.8rem; line-height: 1.45; color: var(--ac-text); background: color-mix(in srgb, var(--ac-bg) 65%, transparent); border-radius: calc(var(--ac-radius) * 0.75); }
.ac-exception-message { white-space: pre-wrap; }
.ac-icon-spinner { display: inline-block; width: 1em; height: 1em; border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%; animation: ac-spin 0.8s linear infinite; vertical-align: -0.15em; }
`);
}
