// A fragment's container: its children go straight into its root. With run_every,
// the browser keeps the timer: it stops when the tab closes or when a full run no
// longer draws the fragment.
import { useEffect } from "appcore";

export const children = (root) => root;

export default function Fragment({ props: p, ctx }) {
  useEffect(() => {
    if (!p.run_every) return undefined;
    // Ticks that arrive while the fragment still runs merge on the server: no pile-up.
    const timer = setInterval(() => ctx.send({ t: "fragment_tick", id: p.id }), p.run_every * 1000);
    return () => clearInterval(timer);
  }, [p.id, p.run_every]);
  return null;
}
