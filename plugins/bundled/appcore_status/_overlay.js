// Balloons and snow: a layer over the whole window that takes no pointer events (the
// page stays usable), plays once per draw (`shot`) and removes itself, or goes with its
// element. With prefers-reduced-motion nothing moves, so nothing is shown. Each effect is its items'
// look and path; the renderer and the items' timing are here.
import { css, useLayoutEffect } from "appcore";

css(`
.ac-overlay { position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; padding: 0;
  border: 0; background: transparent; overflow: hidden; pointer-events: none; }
.ac-overlay-item { position: absolute; will-change: transform; }
`);

const played = new Set();

function playOverlay({ shot, kind, count, lifetimeMs, item }) {
  if (played.has(shot)) return null;
  played.add(shot);
  if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) return null;
  const layer = document.createElement("div");
  layer.className = `ac-overlay ac-overlay-${kind}`;
  layer.dataset.testid = `ac-${kind}-overlay`;
  layer.setAttribute("aria-hidden", "true");
  layer.popover = "manual";  // the top layer: above an open dialog too
  for (let i = 0; i < count; i++) layer.append(item(i));
  document.body.append(layer);
  layer.showPopover();
  setTimeout(() => layer.remove(), lifetimeMs);
  return layer;
}

// The renderer of an effect: `count` items made by `item(i)` play once per draw; it draws
// nothing where it is called.
export function overlayRenderer({ kind, count, lifetimeMs, item }) {
  return function Overlay({ props: p }) {
    // As Streamlit: the effect goes with its element, so a rerun that does not draw it again
    // (or another page) stops it.
    useLayoutEffect(() => {
      const layer = playOverlay({ shot: p.shot, kind, count, lifetimeMs, item });
      return () => layer?.remove();
    }, [p.shot]);
    return null;
  };
}

// One item of an effect: its class, where it starts across the window, how far it drifts
// sideways (`--drift` in its keyframes), how long it moves and when it sets off.
export function overlayItem(className, { left, drift, durationMs, delayMs }) {
  const el = document.createElement("div");
  el.className = `ac-overlay-item ${className}`;
  el.style.left = left;
  el.style.setProperty("--drift", drift);
  el.style.animationDuration = `${durationMs}ms`;
  el.style.animationDelay = `${Math.round(delayMs)}ms`;
  return el;
}

// A pseudo-random number in [0, 1) from a seed, so every draw of the effect looks the same.
export function seeded(seed) {
  const x = Math.sin(seed * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x);
}
