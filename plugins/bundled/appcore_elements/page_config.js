// st.set_page_config: the page's title, favicon, layout and the sidebar's initial state.
// Not drawn: the runtime hands this module the "page_config" messages the script sends.

function setFavicon(icon) {
  let link = document.querySelector('link[rel="icon"]');
  if (!link) {
    link = Object.assign(document.createElement("link"), { rel: "icon" });
    document.head.append(link);
  }
  // A short icon is an emoji: drawn as an SVG; anything longer is a URL.
  link.href = icon.length <= 4
    ? `data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'><text y='.9em' font-size='90'>${icon}</text></svg>`
    : icon;
}

export function onMessage(message, runtime) {
  if (message.title) document.title = message.title;
  if (message.icon) setFavicon(message.icon);
  if (message.layout) document.body.dataset.layout = message.layout;
  if (message.sidebar) runtime.setSidebarState(message.sidebar);
}
