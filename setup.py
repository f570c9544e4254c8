"""Maps the import package `appcore` onto core/ and ships the bundled plugins.

See STYLE.md, "Packaging core/ as appcore": package-dir plus find_packages works
for both the wheel and `pip install -e .`, where a hand-listed `packages` drops
sub-packages.
"""
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent
ASSETS = ["*.js", "*.mjs", "*.css", "*.html", "*.json", "*.txt", "*.tmpl", "*.svg", "*.woff2", "LICENSE", "NOTICE"]

package_dir = {"appcore": "core", "appcore.frontend": "frontend"}
packages = ["appcore", "appcore.frontend"]
packages += [f"appcore.{p}" for p in find_packages("core")]
packages += [f"appcore.frontend.{p}" for p in find_packages("frontend")]
for plugin in sorted((HERE / "plugins" / "bundled").iterdir()):
    if (plugin / "__init__.py").exists():
        package_dir[plugin.name] = f"plugins/bundled/{plugin.name}"
        packages.append(plugin.name)
        packages += [f"{plugin.name}.{p}" for p in find_packages(str(plugin))]

# component-template/ ships inside the components plugin: `appcore component new` renders it.
package_dir["appcore_components.template"] = "component-template"
packages.append("appcore_components.template")
package_data = {name: ASSETS for name in packages}
package_data["appcore_components.template"] = ["*.json", "*.md", "{{cookiecutter.project_slug}}/**/*",
                                               "v2/*.json", "v2/{{cookiecutter.project_slug}}/**/*"]

setup(
    package_dir=package_dir,
    packages=packages,
    package_data=package_data,
)
