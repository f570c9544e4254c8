// st_autorefresh: nothing to see; the page's timer sends the next count, which reruns the app.
import { css, useRef, useTicker } from "appcore";

css(".ac-el-autorefresh { display: none; }");

export default function Autorefresh({ props: p, ctx }) {
  const count = useRef(0);
  count.current = Math.max(count.current, p.value || 0);  // after a reload the server's count goes on
  const stopped = p.limit != null && count.current + 1 >= p.limit;
  useTicker(() => {
    if (p.limit != null && count.current + 1 >= p.limit) return;
    count.current += 1;
    ctx.setValue(count.current);
  }, stopped ? 0 : p.interval, `${ctx.key}|${p.limit}|${p.debounce ? p.draw : ""}`);
  return null;
}
