// Pieces the display elements share: height props, icons, alert styles. Width and
// help come from "appcore" (widthStyle, Help). Not a renderer: element modules
// import it by relative path.
import { html, css, useState, useEffect } from "appcore";

// height props as Streamlit's: "stretch", "content" or pixels.
export function heightStyle(height) {
  if (typeof height === "number") return { height: `${height}px`, overflow: "auto" };
  if (height === "stretch") return { height: "100%" };
  return {};
}

// A vendored library (frontend/vendor/<folder>/, see scripts/vendor.py) loaded on first use:
// its ES module and stylesheets by their plain URLs, since a stylesheet names its fonts
// by relative URL. The hook gives a component the library once loaded, null until then
// (and for good if it cannot be loaded: the component shows its plain fallback).
const libraries = new Map();

function vendored(folder, module, stylesheets) {
  let lib = libraries.get(folder);
  if (!lib) {
    const base = `${document.documentElement.dataset.prefix || ""}/_appcore/static/vendor/${folder}`;
    for (const sheet of stylesheets) {
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: `${base}/${sheet}` });
      document.head.append(link);
    }
    lib = { value: null };
    lib.promise = import(`${base}/${module}`).then((m) => { lib.value = m.default ?? m; return lib.value; }).catch((error) => {
      console.warn(`appcore: ${folder} could not be loaded; its elements show their plain text`, error);
      return null;
    });
    libraries.set(folder, lib);
  }
  return lib;
}

// `folder` null: nothing to load (the element has no maths, say), and null is returned.
export function useVendored(folder, module, stylesheets = []) {
  const lib = folder ? vendored(folder, module, stylesheets) : null;
  const [value, setValue] = useState(() => lib?.value ?? null);
  useEffect(() => { if (lib && !value) lib.promise.then((v) => v && setValue(() => v)); }, [lib]);
  return lib ? value ?? lib.value : null;
}

// Icons are the runtime's (every plugin draws them); re-exported for this plugin's modules.
export { Icon, linkMaterialSymbols } from "appcore";

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
