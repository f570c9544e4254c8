"""Every text and display element: `appcore run examples/elements_text.py`."""
import time

import pandas as pd

import appcore as st

st.title("Text elements")

st.header("Markdown, text and captions")
st.markdown(
    "Markdown with **bold**, *italics*, `inline code`, ~~strikethrough~~ and "
    "[a link](https://example.com).\n\n"
    "> A blockquote says something worth quoting.\n\n"
    "| Planet | Moons |\n|---|---:|\n| Earth | 1 |\n| Mars | 2 |"
)
st.text("st.text keeps   spaces\nand line breaks, without *Markdown*.", help="Plain text, as typed.")
st.caption("A caption: small print under something.")

st.header("Code and maths")
st.code('def greet(name: str) -> str:\n    # say hello\n    return f"Hello, {name}!"  # 42\n', line_numbers=True)
st.code("SELECT name, count(*) FROM planets WHERE moons > 0 GROUP BY name;", language="sql")
st.latex(r"\int_0^\infty e^{-x^2}\,dx = \frac{\sqrt{\pi}}{2}")

st.divider()

st.header("Alerts")
st.success("The data loaded. **42** rows are ready.")
st.info("Tip: press `r` to rerun the app.", icon="💡")
st.warning("⚠️ The file is large; loading may take a while.")
st.error("Could not reach the server.", title="Connection failed")

st.header("Metrics")
with st.container(horizontal=True):
    st.metric("Temperature", "70 °F", "1.2 °F", border=True)
    st.metric("Wind", "9 mph", "-8%", border=True)
    st.metric("Humidity", "86%", "4%", delta_color="inverse", border=True)
    st.metric("Revenue", 1234.5, -120, format="dollar", chart_data=[3, 5, 4, 6, 8, 7, 9], border=True)

st.header("JSON")
st.json({
    "name": "appcore",
    "version": 1,
    "stable": False,
    "nothing": None,
    "elements": ["text", "code", "json", "metric"],
    "nested": {"depth": 2, "deeper": {"depth": 3}},
}, expanded=2)

st.header("st.write")
st.write("Strings are Markdown, numbers show as code:", 3.14, True, None)
st.write({"a dict": "becomes JSON"})
st.write(pd.DataFrame({"planet": ["Mercury", "Venus", "Earth"], "moons": [0, 0, 1], "radius": [0.383, 0.949, 1.0]}))
st.write(time.sleep)

st.header("Containers and placeholders")
with st.container(border=True):
    st.write("Inside a bordered container.")
    st.text("Elements inside stack as on the page.")
placeholder = st.empty()
placeholder.text("This text is replaced...")
placeholder.success("...by the last call on the placeholder.")
