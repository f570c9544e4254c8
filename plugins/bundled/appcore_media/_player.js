// What st.audio and st.video share: a native player that starts at start_time, stops
// (or, with loop, goes back to start_time) at end_time, and seeks again when the
// script sends a new start_time.
import { css, useLayoutEffect, useRef } from "appcore";

css(`
.ac-player { display: block; max-width: 100%; }
.ac-player-stretch { width: 100%; }
`);

export function playerStyle(width) {
  return typeof width === "number" ? `width: ${width}px` : undefined;
}

export function usePlayer(p) {
  const ref = useRef(null);
  useLayoutEffect(() => {
    const media = ref.current;
    if (!media) return undefined;
    const start = p.start_time || 0;
    const seek = () => { if (Math.abs(media.currentTime - start) > 0.25) media.currentTime = start; };
    if (media.readyState >= 1) seek(); else media.addEventListener("loadedmetadata", seek, { once: true });
    const onTime = () => {
      if (p.end_time == null || media.currentTime < p.end_time) return;
      if (p.loop) { media.currentTime = start; media.play().catch(() => {}); } else media.pause();
    };
    // Without an end_time, the native loop attribute starts over at 0: go to start_time instead.
    const onEnded = () => { if (p.loop) { media.currentTime = start; media.play().catch(() => {}); } };
    media.addEventListener("timeupdate", onTime);
    media.addEventListener("ended", onEnded);
    return () => {
      media.removeEventListener("loadedmetadata", seek);
      media.removeEventListener("timeupdate", onTime);
      media.removeEventListener("ended", onEnded);
    };
  }, [p.url, p.start_time, p.end_time, p.loop]);
  return ref;
}
