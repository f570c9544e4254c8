"""A Streamlit project's AppTest files run on appcore unchanged: `from streamlit.testing.v1
import AppTest` at a test file's top is appcore's when Streamlit is not installed
(llm-examples' app_test.py, for one, starts so)."""
from __future__ import annotations

import importlib.metadata

import pytest

STREAMLIT_TEST = """
    from streamlit.testing.v1 import AppTest

    def test_chat():
        at = AppTest.from_file("app.py").run()
        at.chat_input[0].set_value("hello").run()
        assert at.chat_message[0].markdown[0].value == "hello"
        assert type(at).__module__.startswith("appcore.")
"""
APP = "import streamlit as st\nif prompt := st.chat_input():\n    st.chat_message('user').write(prompt)\n"


def project(pytester: pytest.Pytester, alias: str | None) -> None:
    pytester.makefile(".py", app=APP)
    pytester.makepyfile(test_app=STREAMLIT_TEST)
    if alias is not None:
        pytester.makeini(f"[pytest]\nstreamlit_alias = {alias}\n")


def test_without_streamlit_installed_the_test_file_is_served_by_appcore(pytester: pytest.Pytester) -> None:
    # "auto" maps only when the real package is absent, as it is where appcore's tests run.
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        importlib.metadata.distribution("streamlit")
    project(pytester, alias=None)
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_true_maps_it_and_false_leaves_import_streamlit_alone(pytester: pytest.Pytester) -> None:
    project(pytester, alias="true")
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
    project(pytester, alias="false")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*No module named 'streamlit'*"])


def test_a_wrong_value_is_a_usage_error(pytester: pytest.Pytester) -> None:
    project(pytester, alias="sometimes")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*streamlit_alias must be auto, true or false, not 'sometimes'*"])
