import pytest

from appcore.testing.v1 import AppTest


def run(**state):
    at = AppTest.from_file("app_errors.py", default_timeout=10)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def test_st_exception_shows_the_error_and_the_page_goes_on():
    at = run()
    (error,) = at.exception
    assert error.message == "invalid literal for int() with base 10: 'x'" and error.value == error.message
    assert error.is_markdown is False
    assert at.markdown.values == ["before", "after"]


def test_an_uncaught_exception_ends_the_run_where_it_was_raised():
    at = run(fail=True)
    (error,) = at.exception
    assert error.message == "the data is missing"
    assert any('raise ValueError("the data is missing")' in line for line in error.stack_trace)
    assert at.markdown.values == ["before"]


def test_an_api_error_is_markdown():
    at = run(bad_index=True)
    assert at.exception[0].is_markdown is True
    assert "index" in at.exception[0].message.lower()
    # The page draws it as Streamlit does, "**Type**: message" in markdown.
    assert at.exception[0].props["message_html"].startswith("<p><strong>AppcoreAPIError</strong>: ")


def test_a_slow_run_times_out_with_streamlits_error():
    at = AppTest.from_file("app_errors.py", default_timeout=10)
    at.session_state.slow = True
    with pytest.raises(RuntimeError, match=r"AppTest script run timed out after 0.5\(s\)"):
        at.run(timeout=0.5)
