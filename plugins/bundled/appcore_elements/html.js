// st.html: server-sanitised HTML in the page. Styles-only HTML goes into <head> while the
// element lives (it takes no space on the page); with unsafe_allow_javascript its scripts run.
import { html, widthStyle, useLayoutEffect, useRef } from "appcore";

function StylesOnly({ markup }) {
  useLayoutEffect(() => {
    const holder = document.createElement("div");
    holder.dataset.acHtmlStyles = "";
    holder.innerHTML = markup;
    const sheets = [...holder.querySelectorAll("style")];
    document.head.append(...sheets);
    return () => sheets.forEach((sheet) => sheet.remove());
  }, [markup]);
  return null;
}

export default function Html({ props: p }) {
  const ref = useRef(null);
  useLayoutEffect(() => {
    if (!p.run_scripts || !ref.current) return;
    // Scripts set through innerHTML do not run: each is replaced by a fresh copy that does.
    for (const old of ref.current.querySelectorAll("script")) {
      const fresh = document.createElement("script");
      for (const { name, value } of old.attributes) fresh.setAttribute(name, value);
      fresh.textContent = old.textContent;
      old.replaceWith(fresh);
    }
  }, [p.html, p.run_scripts]);
  if (p.styles_only) return html`<${StylesOnly} markup=${p.html} />`;
  return html`<div ref=${ref} class="ac-html" style=${widthStyle(p.width)} dangerouslySetInnerHTML=${{ __html: p.html }} />`;
}
