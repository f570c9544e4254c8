// st.snow: snowflakes drift down from above the window and melt away, once per draw.
import { css } from "appcore";
import { overlayItem, overlayRenderer, seeded } from "./_overlay.js";

css(`
.ac-snowflake { top: -3rem; color: #a8d8f0; animation-name: ac-snow-fall; animation-timing-function: linear; animation-fill-mode: both; }
[data-theme="dark"] .ac-snowflake { color: #dff2ff; }
.ac-snowflake svg { display: block; width: 100%; height: 100%; }
@keyframes ac-snow-fall {
  from { transform: translate(0, 0) rotate(0deg); opacity: 0; }
  8% { opacity: 1; }
  85% { opacity: 1; }
  to { transform: translate(var(--drift), calc(100vh + 4rem)) rotate(240deg); opacity: 0; }
}
`);

const FLAKE = '<svg viewBox="-12 -12 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round">'
  + [0, 60, 120].map((a) => `<g transform="rotate(${a})"><path d="M0-11V11M0-7l-3-3M0-7l3-3M0 7l-3 3M0 7l3 3"/></g>`).join("")
  + "</svg>";
const DURATION_MS = 5500;
const STAGGER_MS = 2500;

function flake(i) {
  const el = overlayItem("ac-snowflake", {
    left: `${Math.round(seeded(i + 1) * 98)}%`, drift: `${Math.round((seeded(i + 40) - 0.5) * 10)}rem`,
    durationMs: DURATION_MS - seeded(i + 77) * 2000, delayMs: seeded(i + 5) * STAGGER_MS });
  el.innerHTML = FLAKE;
  const size = 0.8 + seeded(i + 11) * 1.4;
  el.style.width = el.style.height = `${size}rem`;
  return el;
}

export default overlayRenderer({ kind: "snow", count: 60, lifetimeMs: DURATION_MS + STAGGER_MS + 200, item: flake });
