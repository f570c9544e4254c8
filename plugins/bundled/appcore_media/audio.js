// st.audio: the browser's own audio player.
import { html } from "appcore";
import { playerStyle, usePlayer } from "./_player.js";

export default function Audio({ props: p }) {
  const ref = usePlayer(p);
  return html`<audio ref=${ref} class=${`ac-player${p.width === "stretch" ? " ac-player-stretch" : ""}`}
    style=${playerStyle(p.width)} controls preload="metadata" src=${p.url || undefined}
    autoplay=${p.autoplay} aria-label=${p.alt || undefined} />`;
}
