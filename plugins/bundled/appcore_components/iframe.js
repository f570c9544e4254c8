// st.iframe and components.v1.html/iframe: a frame with a URL or an HTML document; one way only.
import { html, css, widthStyle, useLayoutEffect, useRef } from "appcore";
import { SANDBOX, ALLOW } from "./frame.js";

css(`
.ac-iframe { display: block; border: none; width: 100%; color-scheme: normal; }
`);

export default function Iframe({ props: p }) {
  const frame = useRef(null);
  const measured = p.srcdoc != null && p.height === "content";
  useLayoutEffect(() => {
    if (!measured) return undefined;
    // Same-origin srcdoc: follow the document's height as it changes.
    const el = frame.current;
    let observer = null;
    const follow = () => {
      const body = el.contentDocument?.body;
      if (!body) return;
      const fit = () => { el.style.height = `${Math.ceil(el.contentDocument.documentElement.scrollHeight)}px`; };
      fit();
      observer?.disconnect();
      observer = new ResizeObserver(fit);
      observer.observe(body);
    };
    el.addEventListener("load", follow);
    follow();
    return () => { el.removeEventListener("load", follow); observer?.disconnect(); };
  }, [measured, p.srcdoc]);
  const style = {
    ...widthStyle(p.width),
    height: typeof p.height === "number" ? `${p.height}px` : p.height === "stretch" ? "100%" : undefined,
  };
  return html`<iframe ref=${frame} class="ac-iframe" style=${style} title=${p.title || "st.iframe"}
    src=${p.src ?? undefined} srcdoc=${p.srcdoc ?? undefined} scrolling=${p.scrolling ? "auto" : "no"}
    tabindex=${p.tab_index ?? undefined} sandbox=${SANDBOX} allow=${ALLOW} />`;
}
