// A fragment's container. With run_every, the browser keeps the timer: it stops
// when the tab closes or when a full run no longer draws the fragment.
export function mount(root, props, ctx) {
  let timer = null;
  let shown = null;
  const schedule = (p) => {
    if (timer) clearInterval(timer);
    timer = null;
    if (p.run_every) {
      // Ticks that arrive while the fragment still runs merge on the server: no pile-up.
      timer = setInterval(() => ctx.send({ t: "fragment_tick", id: p.id }), p.run_every * 1000);
    }
  };
  const update = (p) => {
    if (shown && shown.run_every === p.run_every && shown.id === p.id) return;
    shown = p;
    schedule(p);
  };
  update(props);
  return { update, destroy: () => timer && clearInterval(timer), children: root };
}
