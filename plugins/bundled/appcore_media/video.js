// st.video: the browser's own video player with its subtitle tracks (the first shown),
// or YouTube's embed for a YouTube link.
import { html, css } from "appcore";
import { playerStyle, usePlayer } from "./_player.js";

css(`
.ac-video-frame { display: block; border: 0; aspect-ratio: 16 / 9; max-width: 100%; }
`);

function youtubeSrc(p) {
  const query = new URLSearchParams();
  if (p.start_time) query.set("start", String(p.start_time));
  if (p.end_time != null) query.set("end", String(p.end_time));
  if (p.loop) { query.set("loop", "1"); query.set("playlist", p.url.split("/").pop()); }
  if (p.autoplay) query.set("autoplay", "1");
  if (p.muted) query.set("mute", "1");
  const text = query.toString();
  return text ? `${p.url}?${text}` : p.url;
}

export default function Video({ props: p }) {
  const ref = usePlayer(p);
  const classes = `ac-player${p.width === "stretch" ? " ac-player-stretch" : ""}`;
  if (p.youtube) {
    return html`<iframe class=${`${classes} ac-video-frame`} style=${playerStyle(p.width)} src=${youtubeSrc(p)}
      title=${p.alt || "YouTube video"} allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen />`;
  }
  return html`<video ref=${ref} class=${classes} style=${playerStyle(p.width)} controls preload="metadata"
    src=${p.url || undefined} autoplay=${p.autoplay} muted=${p.muted} playsinline aria-label=${p.alt || undefined}>
    ${(p.subtitles || []).map((track, i) => html`<track kind="captions" src=${track.url} label=${track.label}
      default=${i === 0} />`)}
  </video>`;
}
