"""component-template/ and `appcore component new`: a new component package, rendered offline,
pip-installed and tested green, as its author would start it."""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from appcore.cli import main
from appcore_components.new import PLACEHOLDER, TEMPLATE_ROOT, names_for, template_folder

_NAME = "appcore_dist_testenv"
if _NAME not in sys.modules:  # one copy per session, shared with tests/test_distributions.py
    _spec = importlib.util.spec_from_file_location(_NAME, Path(__file__).parent / "distributions" / "testenv.py")
    sys.modules[_NAME] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules[_NAME])
testenv = sys.modules[_NAME]
REPO = testenv.REPO


@pytest.mark.parametrize(("name", "slug", "package"), [
    ("My Gauge!", "my-gauge", "my_gauge"),
    ("  star   rating ", "star-rating", "star_rating"),
    ("3D Viewer", "component-3d-viewer", "component_3d_viewer"),
    ("class", "class-component", "class_component"),
    ("json", "json-component", "json_component"),
    ("Ünïcode Ñame", "n-code-ame", "n_code_ame"),
])
def test_any_human_name_gives_valid_distribution_package_and_entry_point_names(name, slug, package) -> None:
    values = names_for(name)
    assert (values["project_slug"], values["package_name"]) == (slug, package)
    assert values["package_name"].isidentifier()


def test_a_name_without_letters_or_digits_is_refused(tmp_path: Path, capsys) -> None:
    assert main(["component", "new", "!!!", "--dir", str(tmp_path)]) == 1
    assert "no letters or digits" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("folder", ["component-template", "component-template/v2"])
def test_the_template_is_the_repositorys_and_cookiecutter_knows_every_placeholder(folder) -> None:
    assert template_folder("v2" if folder.endswith("v2") else "v1").resolve() == (REPO / folder).resolve()
    keys = set(json.loads((REPO / folder / "cookiecutter.json").read_text()))
    used = set()
    for path in (REPO / folder / TEMPLATE_ROOT).rglob("*"):
        used |= set(PLACEHOLDER.findall(str(path)))
        if path.is_file():
            used |= set(PLACEHOLDER.findall(path.read_text(encoding="utf-8")))
    assert used and used <= keys, f"placeholders cookiecutter.json does not define: {used - keys}"


def test_new_renders_every_file_with_the_names_filled_in_and_never_overwrites(tmp_path: Path, capsys) -> None:
    assert main(["component", "new", "Star Rating", "--dir", str(tmp_path)]) == 0
    package = tmp_path / "star-rating"
    assert "cd " in capsys.readouterr().out
    files = sorted(p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file())
    assert files == ["README.md", "example.py", "pyproject.toml", "star_rating/__init__.py",
                     "star_rating/frontend/bridge.js", "star_rating/frontend/index.html",
                     "star_rating/frontend/main.js", "tests/test_star_rating.py", "tests/test_star_rating_browser.py"]
    for path in package.rglob("*"):
        if path.is_file():
            assert "cookiecutter" not in path.read_text(encoding="utf-8"), path
    pyproject = (package / "pyproject.toml").read_text()
    assert 'name = "star-rating"' in pyproject
    assert re.search(r'^\[project\.entry-points\.appcore\]\nstar_rating = "star_rating"$', pyproject, re.M)
    before = (package / "README.md").read_text()
    (package / "README.md").write_text(before + "my notes")
    assert main(["component", "new", "Star Rating", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (package / "README.md").read_text() == before + "my notes"


def test_v2_renders_a_components_v2_package_with_no_iframe(tmp_path: Path, capsys) -> None:
    assert main(["component", "new", "Gauge", "--v2", "--dir", str(tmp_path)]) == 0
    package = tmp_path / "gauge"
    files = sorted(p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file())
    assert files == ["README.md", "example.py", "gauge/__init__.py", "gauge/frontend/index.html",
                     "gauge/frontend/main.js", "gauge/frontend/style.css", "pyproject.toml", "tests/test_gauge.py",
                     "tests/test_gauge_browser.py"]
    assert "components.component(" in (package / "gauge" / "__init__.py").read_text()
    assert "export default function" in (package / "gauge" / "frontend" / "main.js").read_text()
    pyproject = (package / "pyproject.toml").read_text()
    assert re.search(r'^\[project\.entry-points\.appcore\]\ngauge = "gauge"$', pyproject, re.M)
    assert 'asset_dir = "gauge/frontend"' in pyproject  # Streamlit's manifest for a packaged v2 component


@pytest.mark.browser
@pytest.mark.timeout(600)  # builds appcore's wheel and a venv, once per session
# One name per generation: both are installed into the session's one venv.
@pytest.mark.parametrize(("generation", "name", "slug"), [("--v1", "Traffic Light", "traffic-light"),
                                                          ("--v2", "Signal Lamp", "signal-lamp")])
def test_a_rendered_package_installs_with_pip_and_its_own_tests_pass(tmp_path_factory, generation, name,
                                                                     slug) -> None:
    """With appcore installed from its wheel (so the template ships in it), as an author would."""
    dist = testenv.installed(tmp_path_factory)
    work = tmp_path_factory.mktemp("component-author")
    done = dist.run(dist.appcore, "component", "new", name, generation, "--dir", work)
    assert done.returncode == 0, done.stderr
    package = work / slug
    wheels = work / "wheels"
    built = dist.run(*testenv._builder(work), "--no-deps", "-q", "-w", wheels, package, timeout=300)
    assert built.returncode == 0, built.stderr
    installed = dist.run(sys.executable, "-m", "pip", "--python", dist.python, "install", "-q", "--no-deps",
                         "--no-index", *wheels.glob("*.whl"), timeout=300)
    assert installed.returncode == 0, installed.stderr
    listed = dist.run(dist.appcore, "plugins")
    assert slug.replace("-", "_") in listed.stdout and f"{slug} 0.1.0" in listed.stdout, listed.stdout
    # Its tests, run against the installed package (from outside its source folder's parent).
    tests = dist.run(dist.python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--import-mode=importlib",
                     package / "tests", cwd=work, timeout=300)
    assert tests.returncode == 0, tests.stdout[-3000:] + tests.stderr[-3000:]
    assert "2 passed" in tests.stdout
