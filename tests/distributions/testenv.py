"""A fresh virtualenv with appcore and the three plugin distributions installed from wheels.

Shared by tests/test_distributions.py and tests/browser/test_distributions_browser.py
(loaded by file path, so one copy per pytest session): ``installed(tmp_path_factory)``
builds the four wheels and the venv once per session and returns the same ``DistEnv``
to every caller.

The venv is made with ``--system-site-packages`` and, when the tests themselves run in
a virtualenv, a ``.pth`` line that adds the test environment's site-packages after the
venv's own: aiohttp, pandas and the rest come from there, so nothing is downloaded,
while appcore and the plugins come from the wheels (the venv's site-packages is first).
"""
from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import textwrap
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).parent
REPO = HERE.parent.parent
PLUGINS = {  # distribution -> (import package, entry point name, version in its pyproject.toml)
    "appcore-sparkle": ("appcore_sparkle", "sparkle", "0.3.1"),
    "appcore-rating": ("appcore_rating", "rating", "1.2.0"),
    "appcore-holder": ("appcore_holder", "holder", "0.9.0"),
}
# What a build leaves in a source tree, and what the wheel must not be built from.
_NOT_SOURCE = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", "*.pyc",
                                     ".pytest_cache", ".venv*", "node_modules", "*.png")
_lock = threading.Lock()
_built: dict[Path, "DistEnv"] = {}


@dataclass(frozen=True)
class DistEnv:
    root: Path        # the session's folder for all of it
    source: Path      # the copy of the repository the appcore wheel was built from
    wheels: Path      # the four .whl files
    venv: Path
    python: Path
    appcore: Path     # the venv's `appcore` command
    site_packages: Path

    def env(self) -> dict[str, str]:
        """The environment a user's shell would have: no APPCORE_* switches, no PYTHONPATH."""
        environment = {k: v for k, v in os.environ.items()
                       if not k.startswith("APPCORE_") and k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        environment["PYTHONUNBUFFERED"] = "1"
        environment["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{environment.get('PATH', '')}"
        return environment

    def run(self, *args: str | Path, cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
        """Run a command of the venv (``python``, ``appcore``) from a folder outside the repository."""
        return subprocess.run([str(a) for a in args], cwd=cwd or self.root / "work", env=self.env(),
                              capture_output=True, text=True, timeout=timeout)

    def python_json(self, code: str, timeout: float = 60) -> dict:
        """Run ``code`` with the venv's python; it prints one JSON object as its last line."""
        script = self.root / "work" / f"driver_{abs(hash(code))}.py"
        script.write_text(textwrap.dedent(code), encoding="utf-8")
        done = self.run(self.python, script, timeout=timeout)
        assert done.returncode == 0, f"{script.name} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
        return json.loads(done.stdout.strip().splitlines()[-1])


def _check(done: subprocess.CompletedProcess, what: str) -> None:
    if done.returncode != 0:
        pytest.fail(f"{what} failed ({done.returncode}):\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}", pytrace=False)


def _builder(root: Path) -> list[str]:
    """The pip command that builds the wheels, without an isolated build env per project.

    With setuptools>=64 and wheel here, those; otherwise one build venv with them, filled from
    the configured index as pip's build isolation would, but once instead of four times.
    """
    try:
        import setuptools
        import wheel  # noqa: F401
        if int(setuptools.__version__.split(".")[0]) >= 64:
            return [sys.executable, "-m", "pip", "wheel", "--no-build-isolation"]
    except ImportError:
        pass
    build_env = root / "build-env"
    _check(subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(build_env)],
                          capture_output=True, text=True, timeout=120), "python -m venv (build env)")
    python = str(build_env / "bin" / "python")
    _check(subprocess.run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "setuptools>=64", "wheel"],
                          capture_output=True, text=True, timeout=300), "pip install setuptools wheel (build env)")
    return [sys.executable, "-m", "pip", "--python", python, "wheel", "--no-build-isolation"]


def installed(tmp_path_factory: pytest.TempPathFactory) -> DistEnv:
    base = tmp_path_factory.getbasetemp()
    with _lock:
        if base not in _built:
            _built[base] = _build(tmp_path_factory.mktemp("distributions"))
        return _built[base]


def _build(root: Path) -> DistEnv:
    source, wheels, venv = root / "src", root / "wheels", root / "venv"
    (root / "work").mkdir()
    # Build from copies: a build writes build/ and *.egg-info into the tree it builds, and a
    # stale build/ from earlier would put files into the wheel that are no longer in the tree.
    shutil.copytree(REPO, source, ignore=_ignore_repo)
    projects = [source]
    for dist in PLUGINS:
        shutil.copytree(HERE / dist, root / dist, ignore=_NOT_SOURCE)
        projects.append(root / dist)
    # The community plugins are installed beside the tests (scripts/test.sh), so their entry points
    # show through to this venv: install their wheels here too, as a user who has them would.
    community = sorted(p for p in (REPO / "plugins" / "community").iterdir() if (p / "pyproject.toml").exists())
    for dist in community:
        shutil.copytree(dist, root / dist.name, ignore=_NOT_SOURCE)
        projects.append(root / dist.name)
    _check(subprocess.run([*_builder(root), "--no-deps", "-q", "-w", str(wheels), *map(str, projects)],
                          capture_output=True, text=True, timeout=300), "pip wheel")
    assert len(list(wheels.glob("*.whl"))) == 4 + len(community), sorted(wheels.iterdir())

    _check(subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
                          capture_output=True, text=True, timeout=120), "python -m venv")
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    if sys.prefix != sys.base_prefix:  # the tests run in a venv: its packages are the "system" ones
        ours = [p for p in [*site.getsitepackages(), sysconfig.get_paths()["purelib"]] if Path(p).is_dir()]
        (purelib / "_appcore_test_env.pth").write_text("\n".join(dict.fromkeys(ours)) + "\n", encoding="utf-8")
    _check(subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                           "--no-index", "--ignore-installed", *map(str, sorted(wheels.glob("*.whl")))],
                          capture_output=True, text=True, timeout=300), "pip install of the wheels")
    return DistEnv(root, source, wheels, venv, python, venv / "bin" / "appcore", purelib)


def _ignore_repo(folder: str, names: list[str]) -> set[str]:
    ignored = set(_NOT_SOURCE(folder, names))
    if Path(folder) == REPO:
        ignored |= {"tests", "bench", "examples"} & set(names)
    return ignored
