"""A components-v2 component (Streamlit 1.51+): no iframe, an ES module mounted into the page,
with a state value that persists across reruns and a trigger value that lasts one run.

Run it with `appcore run examples/component_v2.py`.
"""
import appcore as st

JS = """
export default function ({ parentElement, data, setStateValue, setTriggerValue }) {
  const [minus, shown, plus] = parentElement.querySelectorAll("button, output");
  let count = data.start;
  const show = () => { shown.textContent = count; };
  minus.onclick = () => { count -= 1; show(); setStateValue("count", count); };
  plus.onclick = () => { count += 1; show(); setStateValue("count", count); setTriggerValue("went_up", count); };
  show();
}
"""
CSS = """
.stepper { display: inline-flex; gap: 0.75rem; align-items: center; font-size: 1.25rem; }
button { font: inherit; width: 2.25rem; border-radius: 0.5rem; border: 1px solid var(--st-primary-color);
         color: var(--st-primary-color); background: transparent; cursor: pointer; }
"""
HTML = '<div class="stepper"><button aria-label="less">-</button><output></output><button aria-label="more">+</button></div>'

stepper = st.components.v2.component("stepper", html=HTML, css=CSS, js=JS)

st.title("A stepper without an iframe")
result = stepper(key="stepper", data={"start": 3}, default={"count": 3},
                 on_count_change=lambda: None, on_went_up_change=lambda: None)
st.write(f"count = {result.count}")
if result.went_up:
    st.toast(f"Up to {result.went_up}")
