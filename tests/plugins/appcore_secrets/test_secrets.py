"""st.secrets, checked against Streamlit 1.67.0's AppTest on the same files: item and
attribute access, nested tables as AttrDict, top-level strings as environment
variables, and its messages for a missing key, attribute or file."""
from __future__ import annotations

import os

import pytest

from appcore.plugin import StreamlitSecretNotFoundError
from appcore.testing import AppTest

SCRIPT = """
import os
import appcore as st

st.markdown(f"{st.secrets['db_user']} {st.secrets.db.host} {st.secrets['db']['port']} {type(st.secrets.db).__name__}")
st.markdown(f"{os.environ.get('db_user')} {'db' in st.secrets} {len(st.secrets)} {list(st.secrets.keys())}")
st.markdown(str(st.secrets.to_dict()))
for read in (lambda: st.secrets["nope"], lambda: st.secrets.nope):
    try:
        read()
    except (KeyError, AttributeError) as error:
        st.markdown(f"{type(error).__name__}: {error.args[0]}")
"""


def app_with_secrets(tmp_path, folder: str, text: str):
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "secrets.toml").write_text(text)
    (tmp_path / "app.py").write_text(SCRIPT)
    return AppTest(tmp_path / "app.py").run()


@pytest.mark.parametrize("folder", [".streamlit", ".appcore"])
def test_secrets_read_as_streamlit_reads_them(tmp_path, folder, monkeypatch):
    monkeypatch.delenv("db_user", raising=False)
    at = app_with_secrets(tmp_path, folder, 'db_user = "ann"\n[db]\nhost = "h"\nport = 5\n')
    values = at.markdown.values
    assert values[:3] == ["ann h 5 AttrDict", "ann True 2 ['db_user', 'db']",
                          "{'db_user': 'ann', 'db': {'host': 'h', 'port': 5}}"]
    assert values[3].startswith('KeyError: st.secrets has no key "nope". Did you forget to add it to secrets.toml')
    assert values[4].startswith('AttributeError: st.secrets has no attribute "nope".')
    os.environ.pop("db_user", None)


def test_appcores_file_wins_over_streamlits_key_by_key(tmp_path):
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('db_user = "st"\n[db]\nhost = "st-host"\nport = 1\n')
    at = app_with_secrets(tmp_path, ".appcore", 'db_user = "ac"\n[db]\nhost = "ac-host"\nport = 2\n')
    assert at.markdown[0].value == "ac ac-host 2 AttrDict"
    os.environ.pop("db_user", None)


def test_no_secrets_file_is_streamlits_error_naming_the_paths(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "app.py").write_text("import appcore as st\nst.secrets['a']")
    at = AppTest(tmp_path / "app.py").run()
    message = at.exception[0].message
    assert message.startswith("No secrets found. Valid paths for a secrets.toml file or secret directories are: ")
    assert str(tmp_path / ".streamlit" / "secrets.toml") in message
    assert issubclass(StreamlitSecretNotFoundError, FileNotFoundError)


def test_a_changed_secrets_file_is_read_again(tmp_path):
    at = app_with_secrets(tmp_path, ".appcore", 'db_user = "one"\n[db]\nhost = "h"\nport = 5\n')
    path = tmp_path / ".appcore" / "secrets.toml"
    path.write_text('db_user = "two-and-longer"\n[db]\nhost = "h"\nport = 5\n')
    at.run()
    assert at.markdown[0].value == "two-and-longer h 5 AttrDict"
    os.environ.pop("db_user", None)
