"""Configuration: precedence and clear errors."""
from __future__ import annotations

import pytest

from appcore.config import Config, ConfigError


def write(tmp_path, text: str):
    folder = tmp_path / ".appcore"
    folder.mkdir(exist_ok=True)
    (folder / "config.toml").write_text(text)
    return tmp_path


def test_defaults():
    config = Config.load(None, env={})
    assert (config.server.port, config.server.address, config.server.run_on_save) == (8501, "localhost", True)
    assert config.theme.base == "light" and config.plugins.disable == []


def test_file_then_env_then_flag(tmp_path):
    app_dir = write(tmp_path, "[server]\nport = 9000\naddress = '0.0.0.0'\n[theme]\nbase = 'dark'\n"
                              "primary_color = '#00aa00'\n[plugins]\ndisable = ['dialogs']\n")
    config = Config.load(app_dir, env={})
    assert (config.server.port, config.theme.base, config.plugins.disable) == (9000, "dark", ["dialogs"])
    config = Config.load(app_dir, env={"APPCORE_SERVER_PORT": "9100"})
    assert config.server.port == 9100 and config.server.address == "0.0.0.0"
    config = Config.load(app_dir, env={"APPCORE_SERVER_PORT": "9100"}, overrides={"server": {"port": 9200}})
    assert config.server.port == 9200


@pytest.mark.parametrize("text, expected", [
    ("[server]\nport = 'eighty'\n", "line 2: 'server.port' must be a whole number"),
    ("[server]\n\nrun_on_save = 1\n", "line 3: 'server.run_on_save' must be true or false"),
    ("[theme]\nbase = 'purple'\n", "'theme.base' must be \"light\" or \"dark\""),
    ("[theme]\nprimary_color = 'red'\n", "must be a hex colour"),
    ("[server]\nprot = 80\n", "line 2: unknown key 'server.prot'"),
    ("[sever]\nport = 80\n", "line 1: unknown section [sever]"),
    ("[server\nport = 80\n", "not valid TOML"),
    ("[plugins]\ndisable = 'forms'\n", "must be a list of strings"),
])
def test_a_bad_file_names_the_key_the_line_and_the_reason(tmp_path, text, expected):
    with pytest.raises(ConfigError, match=expected.replace("[", r"\[").replace("(", r"\(")):
        Config.load(write(tmp_path, text), env={})


def test_a_bad_env_var_is_named(tmp_path):
    with pytest.raises(ConfigError, match="env var APPCORE_SERVER_PORT: 'server.port' must be a whole number"):
        Config.load(tmp_path, env={"APPCORE_SERVER_PORT": "abc"})
