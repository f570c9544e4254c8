"""Ported AppTest files: written as for Streamlit, with ``from appcore.testing.v1 import AppTest``.

run_on_streamlit.py runs these same files on Streamlit 1.67 by swapping the
imports. A test marked ``browser_behaviour`` checks where appcore's AppTest
acts as the browser and Streamlit's does not (docs/differences.md).
"""


def pytest_configure(config):
    config.addinivalue_line("markers", "browser_behaviour: appcore acts as the browser here, Streamlit's AppTest does not")
