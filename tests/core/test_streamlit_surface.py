"""Streamlit's module surface: `import streamlit` served by appcore, streamlit.errors,
streamlit.runtime.exists() and the script-run context for an app's own threads.

Behaviour checked on Streamlit 1.67.0 (its own venv): runtime.exists() is False under
AppTest; get_script_run_ctx() outside a run returns None with the "missing
ScriptRunContext" warning; a thread given add_script_run_ctx draws into the run.
"""
from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from appcore.testing import AppTest


def test_an_unmodified_streamlit_script_runs_on_appcore():
    at = AppTest.from_string("""
        import streamlit as st
        from streamlit.errors import StreamlitAPIException
        import streamlit.runtime

        st.title("Hi")
        try:
            st.text_input("a", type="bogus")
        except StreamlitAPIException as error:
            st.markdown(f"caught: {type(error).__name__}")
        st.markdown(f"exists={streamlit.runtime.exists()}")
    """).run()
    assert at.title[0].value == "Hi"
    assert [m.value for m in at.markdown] == ["caught: AppcoreAPIError", "exists=False"]


def test_streamlit_errors_are_appcores_errors():
    import appcore.errors
    from appcore.runtime.errors import AppcoreAPIError

    assert appcore.errors.StreamlitAPIException is AppcoreAPIError
    assert issubclass(appcore.errors.DuplicateWidgetID, appcore.errors.StreamlitAPIException)
    assert issubclass(appcore.errors.StreamlitSecretNotFoundError, FileNotFoundError)


def test_parameter_errors_read_as_streamlits_and_a_lone_name_stays_whole():
    from appcore.errors import StreamlitInvalidParameterTypeError, StreamlitValueError

    assert str(StreamlitValueError("scope", ["'global'", "'session'"])) == \
        "Invalid `scope` value. Supported values: 'global', 'session'."
    assert str(StreamlitInvalidParameterTypeError("n", "str", ["int", "float"])) == \
        "Invalid `n` type. Expected one of: int, float. Provided type: str."
    # A plugin that passes one string gets it as one name, not spelt out letter by letter.
    assert str(StreamlitValueError("color", "'blue'")) == "Invalid `color` value. Supported values: 'blue'."
    assert str(StreamlitInvalidParameterTypeError("n", "str", "int")).startswith("Invalid `n` type. Expected one of: int.")


def test_a_streamlit_submodule_appcore_lacks_fails_with_a_message_that_says_so():
    at = AppTest.from_string("import streamlit.bogus_module").run()
    message = at.exception[0].message
    assert "No module named 'streamlit.bogus_module'" in message and "appcore has no 'appcore.bogus_module'" in message


def test_a_streamlit_name_appcore_lacks_names_the_name():
    # `from streamlit import x` turns the AttributeError into Python's own ImportError, so the
    # attribute form is where the message shows.
    at = AppTest.from_string("import streamlit as st\nst.mermaid_chart('graph TD; a-->b')").run()
    assert "st.mermaid_chart is part of Streamlit's API, but no installed appcore plugin provides it" in \
        at.exception[0].message


@pytest.mark.parametrize("name", ["mermaid_chart", "echarts_chart"])
def test_names_streamlit_added_lately_get_the_same_message(name: str) -> None:
    # Both exist in Streamlit 1.67.0 (checked in its venv) and appcore has neither.
    at = AppTest.from_string(f"import streamlit as st\nst.{name}('x')").run()
    assert f"st.{name} is part of Streamlit's API, but no installed appcore plugin provides it" in \
        at.exception[0].message


@pytest.mark.parametrize("name, instead", [("experimental_get_query_params", "st.query_params"),
                                           ("experimental_rerun", "st.rerun"), ("bokeh_chart", "the streamlit-bokeh component")])
def test_a_name_streamlit_removed_says_what_to_use_instead(name: str, instead: str) -> None:
    # Streamlit 1.67.0's own words (checked in its venv); 30days' app still calls the first.
    at = AppTest.from_string(f"import streamlit as st\nst.{name}()").run()
    assert f"st.{name} has been removed. Use {instead} instead." in at.exception[0].message


def test_a_thread_given_the_script_run_context_draws_into_the_run():
    at = AppTest.from_string("""
        import threading
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

        def work():
            st.markdown(f"from a thread, session {get_script_run_ctx().session_id == st.session_state.sid}")

        st.session_state.sid = get_script_run_ctx().session_id
        thread = threading.Thread(target=work)
        add_script_run_ctx(thread)
        thread.start()
        thread.join()
    """).run()
    assert at.markdown[0].value == "from a thread, session True"


def test_outside_a_run_the_context_is_none_with_streamlits_warning(caplog):
    from appcore.runtime.scriptrunner import get_script_run_ctx

    with caplog.at_level(logging.WARNING):
        assert get_script_run_ctx() is None
        assert get_script_run_ctx(suppress_warning=True) is None
    assert [r.getMessage() for r in caplog.records] == [
        "Thread 'MainThread': missing ScriptRunContext! This warning can be ignored when running in bare mode."]


def test_the_alias_is_on_for_apptest_off_when_the_config_says_so_and_a_plain_app_leaves_imports_alone(tmp_path):
    (tmp_path / "app.py").write_text("")
    (tmp_path / "off").mkdir()
    (tmp_path / "off" / ".appcore").mkdir()
    (tmp_path / "off" / ".appcore" / "config.toml").write_text("[server]\nstreamlit_alias = false\n")
    (tmp_path / "off" / "app.py").write_text("")
    code = ("import sys; from appcore.app import App; from appcore.testing import AppTest; "
            "from appcore import streamlit_alias as alias; "
            f"App({str(tmp_path / 'app.py')!r}); plain = alias.installed(); "
            f"AppTest({str(tmp_path / 'off' / 'app.py')!r}).run(); off = alias.installed(); "
            f"AppTest({str(tmp_path / 'app.py')!r}).run(); print(plain, off, alias.installed())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "True"]
