"""Magic: bare expressions are drawn with st.write, as in Streamlit."""
from __future__ import annotations

from appcore.testing import AppTest


def test_bare_expressions_are_written_and_calls_docstrings_are_not():
    at = AppTest.from_string('''
        """Module docstring: not drawn."""
        import appcore as st
        "# Hello"
        name = "Ada"
        name
        f"Hi {name}",
        len(name)
        def helper():
            """Function docstring: not drawn."""
            "inside a function"
        helper()
        if True:
            "inside an if"
        for i in range(2):
            f"item {i}"
    ''').run()
    assert [m.value for m in at.markdown] == ["# Hello", "Ada", "Hi Ada", "inside a function", "inside an if",
                                              "item 0", "item 1"]


def test_magic_writes_a_bare_expression_inside_a_method():
    at = AppTest.from_string("""
        import appcore as st
        class Report:
            def render(self):
                total = 42
                total
        Report().render()
    """).run()
    assert at.markdown.values == ["`42`"]  # as st.write(42) draws it
