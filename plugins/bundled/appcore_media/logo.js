// st.logo: not an element but a message. The logo sits at the top of the sidebar; with
// the sidebar closed (or none), its icon_image (else the logo) sits at the top left.
import { html, css, render, Icon } from "appcore";

css(`
#ac-logo { position: fixed; top: 0.55rem; left: 1rem; z-index: 55; display: flex; align-items: center;
  max-width: 14rem; }
#ac-logo img { display: block; height: var(--ac-logo-height, 1.5rem); width: auto; max-width: 14rem; object-fit: contain; }
#ac-logo .ac-logo-glyph { font-size: var(--ac-logo-height, 1.5rem); line-height: 1; }
#ac-logo a { display: flex; }
/* The sidebar's content (the page menu first) starts below the logo, not under it. */
body.ac-has-logo.ac-has-sidebar .ac-root-sidebar { padding-top: calc(var(--ac-logo-height, 1.5rem) + 3.5rem); }
#ac-logo .ac-logo-icon { display: none; }
body.ac-has-sidebar.ac-sidebar-closed #ac-logo, body:not(.ac-has-sidebar) #ac-logo { left: 3rem; }
body:not(.ac-has-sidebar) #ac-logo { left: 1rem; }
body.ac-sidebar-closed #ac-logo.ac-logo-has-icon .ac-logo-main,
body:not(.ac-has-sidebar) #ac-logo.ac-logo-has-icon .ac-logo-main { display: none; }
body.ac-sidebar-closed #ac-logo.ac-logo-has-icon .ac-logo-icon,
body:not(.ac-has-sidebar) #ac-logo.ac-logo-has-icon .ac-logo-icon { display: flex; }
body.ac-has-logo .ac-root-sidebar { padding-top: 3.25rem; }
`);

const HEIGHTS = { small: "1.25rem", medium: "1.5rem", large: "2rem" };

function Picture({ image, className }) {
  if (!image) return null;
  const inner = image.kind === "image"
    ? html`<img src=${image.value} alt="Logo" />`
    : html`<span class="ac-logo-glyph"><${Icon} icon=${image.value} /></span>`;
  return html`<span class=${className}>${inner}</span>`;
}

export function onMessage(message) {
  let root = document.getElementById("ac-logo");
  if (!root) {
    root = Object.assign(document.createElement("div"), { id: "ac-logo" });
    root.dataset.testid = "ac-logo";
    document.body.append(root);
  }
  document.body.classList.add("ac-has-logo");
  document.body.style.setProperty("--ac-logo-height", HEIGHTS[message.size] || HEIGHTS.medium);
  root.classList.toggle("ac-logo-has-icon", !!message.icon_image);
  const pictures = html`<${Picture} image=${message.image} className="ac-logo-main" /><${Picture}
    image=${message.icon_image} className="ac-logo-icon" />`;
  render(message.link
    ? html`<a href=${message.link} target="_blank" rel="noopener noreferrer" aria-label="Logo link">${pictures}</a>`
    : pictures, root);
}
