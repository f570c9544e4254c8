"""{{ cookiecutter.component_name }} without a browser: what Python sends and what it gets back."""
from appcore.testing import AppTest

APP = """
import appcore as st
from {{ cookiecutter.package_name }} import {{ cookiecutter.package_name }}
clicks = {{ cookiecutter.package_name }}("Click me", key="clicks")
st.markdown(f"clicks={clicks}")
"""


def test_it_returns_zero_until_the_frontend_sends_a_count() -> None:
    at = AppTest.from_string(APP).run()
    assert at.markdown[0].value == "clicks=0"
    component = at.get("bidi_component")[0]
    assert component.props["data"] == {"label": "Click me"}
    at.send({"t": "widget", "id": component.id, "value": {"count": 3}}).run()
    assert at.markdown[0].value == "clicks=3"
    assert at.session_state["clicks"] == {"count": 3}
