// st.balloons: balloons rise from below the window and float off the top, once per draw.
import { css } from "appcore";
import { overlayItem, overlayRenderer, seeded } from "./_overlay.js";

css(`
.ac-balloon { bottom: -16rem; width: 7.5rem; height: 8.6rem; border-radius: 50% 50% 48% 52% / 45% 45% 55% 55%;
  box-shadow: inset -0.6rem -0.4rem 0 rgba(0, 0, 0, 0.08);
  animation-name: ac-balloon-rise; animation-timing-function: cubic-bezier(0.35, 0.1, 0.55, 1); animation-fill-mode: both; }
.ac-balloon::before { content: ""; position: absolute; left: 50%; bottom: -0.3rem; width: 0.8rem; height: 0.6rem;
  transform: translateX(-50%); background: inherit; clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.ac-balloon::after { content: ""; position: absolute; left: 50%; top: 100%; width: 1px; height: 9rem; margin-top: 0.5rem;
  background: rgba(120, 120, 120, 0.6); }
@keyframes ac-balloon-rise {
  from { transform: translate(0, 0) rotate(-4deg); }
  50% { transform: translate(var(--drift), calc(-55vh - 12rem)) rotate(4deg); }
  to { transform: translate(calc(var(--drift) * -0.5), calc(-100vh - 28rem)) rotate(-3deg); }
}
`);

const COLOURS = ["#ffa421", "#c7a0ff", "#ff6c6c", "#5ce488", "#1fd4ff", "#ffd16a", "#ff8c8c", "#83c9ff"];
const DURATION_MS = 3200;
const STAGGER_MS = 1100;

function balloon(i) {
  const el = overlayItem("ac-balloon", {
    left: `${Math.round(seeded(i + 1) * 100) - 4}%`, drift: `${Math.round((seeded(i + 50) - 0.5) * 12)}rem`,
    durationMs: DURATION_MS - seeded(i + 99) * 800, delayMs: seeded(i + 7) * STAGGER_MS });
  el.style.background = COLOURS[i % COLOURS.length];
  const scale = 0.8 + seeded(i + 3) * 0.3;
  el.style.width = `${7.5 * scale}rem`;
  el.style.height = `${8.6 * scale}rem`;
  return el;
}

export default overlayRenderer({ kind: "balloons", count: 24, lifetimeMs: DURATION_MS + STAGGER_MS + 200, item: balloon });
