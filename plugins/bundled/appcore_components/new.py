"""``appcore component new NAME``: render component-template/ into a package, offline.

The template is cookiecutter's (``{{ cookiecutter.<name> }}`` placeholders in file
contents and paths, ``cookiecutter.json`` beside them); this fills in the same
names without cookiecutter.
"""
from __future__ import annotations

import argparse
import keyword
import re
import shutil
import sys
from importlib import resources
from pathlib import Path

PLACEHOLDER = re.compile(r"\{\{\s*cookiecutter\.(\w+)\s*\}\}")
TEMPLATE_ROOT = "{{cookiecutter.project_slug}}"
DEFAULT_DESCRIPTION = "A custom component for appcore and Streamlit apps"


class TemplateError(Exception):
    pass


def names_for(component_name: str, description: str = DEFAULT_DESCRIPTION) -> dict[str, str]:
    """The template's values from a human name: ``"My Gauge!"`` -> ``my-gauge`` / ``my_gauge``."""
    display = " ".join(component_name.split())
    words = re.findall(r"[a-z0-9]+", display.lower())
    if not words:
        raise TemplateError(f"{component_name!r} has no letters or digits to make a package name of.")
    if words[0][0].isdigit():
        words.insert(0, "component")
    package = "_".join(words)
    if keyword.iskeyword(package) or package in sys.stdlib_module_names or package in ("appcore", "streamlit"):
        package = f"{package}_component"
    return {"component_name": display, "project_slug": package.replace("_", "-"), "package_name": package,
            "description": description}


def template_folder(generation: str = "v1") -> Path:
    """The cookiecutter template of a generation: the folder itself for v1 (iframe), ``v2/`` in it
    for components v2 (``cookiecutter component-template --directory v2``)."""
    root = Path(str(resources.files("appcore_components.template")))
    return root / "v2" if generation == "v2" else root


def render(values: dict[str, str], destination: Path, template: Path | None = None) -> Path:
    """Write the rendered package into ``destination/<project_slug>``; never over an existing path."""
    template = template or template_folder()
    source = template / TEMPLATE_ROOT
    target = destination / values["project_slug"]
    if target.exists():
        raise TemplateError(f"{target} already exists: choose another name or --dir, nothing was written.")

    def fill(text: str) -> str:
        def value(match: re.Match[str]) -> str:
            if match.group(1) not in values:
                raise TemplateError(f"the template uses an unknown placeholder {match.group(0)}")
            return values[match.group(1)]
        return PLACEHOLDER.sub(value, text)

    files = [path for path in sorted(source.rglob("*"))
             if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"]
    staging = destination / f".{values['project_slug']}.rendering"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for path in files:
            out = staging / fill(str(path.relative_to(source)))
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
        staging.rename(target)  # all or nothing
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def add_command(subparsers: argparse._SubParsersAction) -> None:
    component = subparsers.add_parser("component", help="make a custom component")
    actions = component.add_subparsers(dest="component_command", metavar="ACTION", required=True)
    new = actions.add_parser("new", help="render the component template into a new package")
    new.add_argument("name", help='the component\'s name, as people would say it ("My Gauge")')
    new.add_argument("--dir", type=Path, default=Path("."), help="where to create the package (default: here)")
    new.add_argument("--description", default=DEFAULT_DESCRIPTION, help="one sentence for pyproject.toml")
    generation = new.add_mutually_exclusive_group()
    generation.add_argument("--v1", dest="generation", action="store_const", const="v1",
                            help="an iframe component, Streamlit's components.v1 (the default)")
    generation.add_argument("--v2", dest="generation", action="store_const", const="v2",
                            help="a components.v2 component: no iframe, an ES module mounted into the page")
    new.set_defaults(handler=cmd_new, generation="v1")


def cmd_new(args: argparse.Namespace) -> int:
    try:
        values = names_for(args.name, args.description)
        if not args.dir.is_dir():
            raise TemplateError(f"{args.dir} is not a folder.")
        target = render(values, args.dir, template_folder(args.generation))
    except (TemplateError, OSError) as error:
        print(f"appcore component new: {error}", file=sys.stderr)
        return 1
    print(f"Created {target} (package {values['package_name']}).\n"
          f"  cd {target}\n  pip install -e \".[test]\"\n  appcore run example.py")
    return 0
