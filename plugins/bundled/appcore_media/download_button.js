// st.download_button: a link styled as a button; the browser downloads the file the
// server serves as an attachment (a deferred one is made when it is asked for). Unless
// on_click="ignore", the click is also a trigger for the script.
import { html, css, Icon, LabelText, tooltip } from "appcore";

css(`
a.ac-download { display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem;
  text-decoration: none; }
a.ac-download[aria-disabled="true"] { opacity: 0.55; pointer-events: none; cursor: not-allowed; }
.ac-download .ac-label-md p { margin: 0; }
`);

export default function DownloadButton({ props: p, ctx }) {
  const icon = html`<${Icon} icon=${p.icon} />`;
  const off = p.disabled || !p.url;
  return html`<a role="button" class=${`ac-btn ac-download ac-btn-${p.type || "secondary"}${p.width === "stretch" ? " ac-btn-wide" : ""}`}
    href=${off ? undefined : p.url} download=${off ? undefined : (p.file_name || "")} ...${tooltip(p.help, p.help_html)}
    aria-disabled=${off ? "true" : undefined} tabindex=${off ? "-1" : "0"}
    onClick=${() => { if (!p.ignore_rerun && !off) ctx.setValue(true); }}>
    ${p.icon_position === "right" ? null : icon}<span><${LabelText} props=${p} /></span>${p.icon_position === "right" ? icon : null}
  </a>`;
}
