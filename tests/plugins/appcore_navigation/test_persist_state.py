"""persist_state, as Streamlit 1.67 keeps a widget's value while the widget is not
drawn: None forgets it, "page" keeps it while the person stays on the page (the
widget hidden by a checkbox), "session" also across a switch to another page and back."""
from __future__ import annotations

from pathlib import Path

import pytest

from appcore.testing import AppTest

MAIN = """
import appcore as st
st.navigation([st.Page("form.py", default=True), st.Page("other.py")]).run()
"""
FORM = """
import appcore as st
if st.checkbox("Show name", value=True, key="show"):
    st.text_input("Name", key="name", persist_state={persist!r})
st.write(f"name: {{st.session_state.get('name')}}")
"""


def app(tmp_path: Path, persist: str | None) -> AppTest:
    (tmp_path / "form.py").write_text(FORM.format(persist=persist), encoding="utf-8")
    (tmp_path / "other.py").write_text("import appcore as st\nst.write('other page')\n", encoding="utf-8")
    (tmp_path / "app.py").write_text(MAIN, encoding="utf-8")
    at = AppTest.from_file(tmp_path / "app.py").run()
    at.text_input(key="name").input("Ada").run()
    return at


def hide_and_show(at: AppTest) -> str:
    at.checkbox(key="show").uncheck().run()
    at.run()  # a complete run without the widget: what it would forget, it forgets here
    at.checkbox(key="show").check().run()
    return at.text_input(key="name").value


def leave_and_return(at: AppTest) -> str:
    at.switch_page("other.py").run()
    assert at.markdown[0].value == "other page"
    at.switch_page("form.py").run()
    return at.text_input(key="name").value


@pytest.mark.parametrize(("persist", "after_hiding", "after_leaving"), [
    (None, "", ""),
    ("page", "Ada", ""),
    ("session", "Ada", "Ada"),
])
def test_a_widget_keeps_its_value_as_long_as_persist_state_says(tmp_path, persist, after_hiding, after_leaving):
    at = app(tmp_path, persist)
    assert hide_and_show(at) == after_hiding
    at.text_input(key="name").input("Ada").run()
    assert leave_and_return(at) == after_leaving


def test_a_value_kept_while_hidden_is_still_in_session_state(tmp_path):
    at = app(tmp_path, "page")
    at.checkbox(key="show").uncheck().run()
    at.run()
    assert at.markdown[0].value == "name: Ada"
