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
    ("[theme]\nprimary_color = 'red!'\n", "must be a colour"),
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


def test_a_streamlit_config_file_is_read_and_appcores_own_wins(tmp_path):
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(
        '[theme]\nbase = "dark"\nprimaryColor = "#00ff00"\nbackgroundColor = "#101010"\nfont = "serif"\n'
        '[server]\nport = 9100\nrunOnSave = false\nmaxUploadSize = 50\nenableCORS = false\n'
        '[client]\ntoolbarMode = "minimal"\n[browser]\ngatherUsageStats = false\n')
    (tmp_path / ".appcore").mkdir()
    (tmp_path / ".appcore" / "config.toml").write_text('[server]\nport = 9200\n')
    config = Config.load(tmp_path, env={})
    assert (config.theme.base, config.theme.primary_color, config.theme.background_color, config.theme.font) == \
        ("dark", "#00ff00", "#101010", "serif")
    assert (config.server.port, config.server.run_on_save, config.server.max_upload_mb) == (9200, False, 50.0)
    assert config.client.toolbar_mode == "minimal"
    assert config.theme.for_browser() == {"base": "dark", "primary_color": "#00ff00",
                                          "background_color": "#101010", "font": "serif"}


def test_streamlit_env_vars_are_honoured_below_appcores(tmp_path):
    config = Config.load(tmp_path, env={"STREAMLIT_SERVER_PORT": "9300", "STREAMLIT_THEME_BASE": "dark",
                                        "APPCORE_SERVER_PORT": "9400"})
    assert (config.server.port, config.theme.base) == (9400, "dark")


def test_a_bad_value_in_a_streamlit_config_file_names_the_file_and_line(tmp_path):
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text('[theme]\n\ntextColor = "#12"\n')
    with pytest.raises(ConfigError, match=r"\.streamlit/config\.toml, line 3: 'theme\.text_color' must be a colour"):
        Config.load(tmp_path, env={})


def test_streamlit_env_vars_take_streamlits_own_names(tmp_path):
    config = Config.load(tmp_path, env={"STREAMLIT_SERVER_MAX_UPLOAD_SIZE": "12", "STREAMLIT_THEME_PRIMARY_COLOR": "purple",
                                        "STREAMLIT_SERVER_STREAMLIT_ALIAS": "false"})
    assert (config.server.max_upload_mb, config.theme.primary_color) == (12.0, "purple")
    assert config.server.streamlit_alias is True, "not a Streamlit setting: only APPCORE_SERVER_STREAMLIT_ALIAS sets it"


def test_streamlit_command_line_options_set_config_by_either_name(tmp_path, caplog):
    caplog.set_level("INFO", logger="appcore.config")
    options = [("server.port", "8611"), ("server.headless", "true"), ("theme.primaryColor", "#0af"),
               ("server.enableCORS", "false"), ("server.run_on_save", "false")]
    config = Config.load(tmp_path, env={"APPCORE_SERVER_PORT": "9100"}, options=options)
    assert (config.server.port, config.server.headless, config.server.run_on_save) == (8611, True, False)
    assert config.theme.primary_color == "#0af"
    assert "appcore does not use the option --server.enableCORS" in caplog.text
    # The named flags (--port) still win, as the most specific.
    assert Config.load(tmp_path, env={}, options=options, overrides={"server": {"port": 9200}}).server.port == 9200


def test_a_bad_command_line_option_value_is_named(tmp_path):
    with pytest.raises(ConfigError, match="--server.port"):
        Config.load(tmp_path, env={}, options=[("server.port", "lots")])
