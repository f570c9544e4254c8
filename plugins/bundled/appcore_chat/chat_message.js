// st.chat_message: an avatar, then the message's content; a person's own messages
// ("user", "human") sit on a tinted row, as Streamlit draws them.
import { html, css, Icon, widthStyle } from "appcore";

css(`
.ac-chat-message { display: flex; align-items: flex-start; gap: 0.5rem; padding: 1rem 0 1rem 1rem; border-radius: 0.5rem; box-sizing: border-box; }
.ac-chat-message-user { background: rgba(240, 242, 246, 0.5); padding-right: 1rem; }
[data-theme="dark"] .ac-chat-message-user { background: rgba(38, 39, 48, 0.5); }
.ac-chat-avatar { display: flex; flex-shrink: 0; width: 2rem; height: 2rem; border-radius: 0.5rem; align-items: center; justify-content: center; box-sizing: border-box; line-height: 1; font-size: 1rem; }
.ac-chat-avatar-plain { border: 1px solid #d5dae5; background: #ffffff; color: #262730; }
[data-theme="dark"] .ac-chat-avatar-plain { border-color: #31333f; background: #0e1117; color: #ffffff; }
/* Streamlit 1.67's default theme's red and orange, light and dark. */
.ac-chat-avatar-user { background: #d94a57; color: #ffffff; }
.ac-chat-avatar-assistant { background: #e0682b; color: #ffffff; }
[data-theme="dark"] .ac-chat-avatar-user { background: #f2919a; color: #0e1117; }
[data-theme="dark"] .ac-chat-avatar-assistant { background: #f2a56d; color: #0e1117; }
.ac-chat-avatar .ac-icon-material { font-size: 1.25rem; max-width: none; vertical-align: 0; }
.ac-chat-avatar-img { object-fit: cover; display: flex; }
.ac-chat-message-content { flex-grow: 1; min-width: 0; margin: auto; color: var(--ac-text); display: flex; flex-direction: column; gap: 1rem; }
.ac-chat-message-content > .ac-el { margin-bottom: 0; }
`);

function Avatar({ p }) {
  const { avatar, avatar_type: kind, name } = p;
  if (avatar && kind === "image") return html`<img class="ac-chat-avatar ac-chat-avatar-img" src=${avatar} alt="" />`;
  if (avatar && kind === "emoji") return html`<div class="ac-chat-avatar ac-chat-avatar-plain" aria-hidden="true">${avatar}</div>`;
  if (avatar === "user" || avatar === "assistant") {
    const icon = avatar === "user" ? ":material/face:" : ":material/smart_toy:";
    return html`<div class=${`ac-chat-avatar ac-chat-avatar-${avatar}`} data-testid=${`ac-chat-avatar-${avatar}`}
      aria-hidden="true"><${Icon} icon=${icon} /></div>`;
  }
  if (avatar && avatar.startsWith(":material")) {
    return html`<div class="ac-chat-avatar ac-chat-avatar-plain" aria-hidden="true"><${Icon} icon=${avatar} /></div>`;
  }
  return html`<div class="ac-chat-avatar ac-chat-avatar-plain" aria-hidden="true">${name ? name.charAt(0).toUpperCase() : "🧑‍💻"}</div>`;
}

// The runtime puts the message's elements here; it renders empty and is never re-created.
export const children = (root) => root.querySelector(".ac-chat-message-content");

export default function ChatMessage({ props: p }) {
  const own = ["user", "human"].includes((p.name || "").toLowerCase());
  return html`<div class=${`ac-chat-message${own ? " ac-chat-message-user" : ""}`} style=${widthStyle(p.width)}>
    <${Avatar} p=${p} />
    <div class="ac-chat-message-content" role="group" aria-label=${`Chat message from ${p.name}`} />
  </div>`;
}
