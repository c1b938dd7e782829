"""The demo is an app of its own, installed by the dev and test settings only: production
settings neither install it nor import it, and no production module imports it."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest

ROOT = Path(settings.BASE_DIR)
DEMO = "ifrc_site.demo"
# The code that production runs: the site's apps, less the demo app itself and the settings
# modules of development and tests (which install it).
PRODUCTION_PACKAGES = ("ifrc_site", "news", "resources", "migration", "immunization")
NOT_PRODUCTION = (
    ROOT / "ifrc_site" / "demo",
    ROOT / "ifrc_site" / "settings" / "dev.py",
    ROOT / "ifrc_site" / "settings" / "test.py",
)

# What production settings need to load at all (none of it is used: nothing connects).
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "ifrc_site.settings.production",
    "SECRET_KEY": "a-secret-for-this-check-only",
    "ALLOWED_HOSTS": "www.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "DATABASE_URL": "sqlite:///:memory:",
}

PROBE = """
import json, sys
import django
from django.conf import settings

import pytest
from django.core.management import get_commands

django.setup()
print(json.dumps({
    "installed_apps": list(settings.INSTALLED_APPS),
    "commands": sorted(get_commands()),
    "demo_modules": sorted(name for name in sys.modules if name.startswith("ifrc_site.demo")),
}))
"""


def production_view():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(PRODUCTION_ENV)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_neither_install_nor_import_the_demo():
    seen = production_view()
    assert "ifrc_site" in seen["installed_apps"]  # the probe did load the production settings
    assert DEMO not in seen["installed_apps"]
    assert not {"load_demo_content", "generate_bulk_content"} & set(seen["commands"])
    assert {"backup_site", "restore_site", "setup_roles"} <= set(seen["commands"])
    assert seen["demo_modules"] == [], "setting up production imported the demo"


def test_the_dev_and_test_settings_install_the_demo():
    assert DEMO in settings.INSTALLED_APPS
    for name in ("dev", "test"):
        source = (ROOT / "ifrc_site" / "settings" / f"{name}.py").read_text()
        assert f'"{DEMO}"' in source


def module_name(path, root):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def demo_references(path, root=ROOT):
    """Line numbers where a module imports the demo, or names it in a string."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package.pop()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names = [node.value]
        if any(name == DEMO or name.startswith(f"{DEMO}.") for name in names):
            yield node.lineno


def production_sources():
    for package in PRODUCTION_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if not any(path == skip or skip in path.parents for skip in NOT_PRODUCTION):
                yield path


def test_no_production_module_imports_the_demo():
    sources = list(production_sources())
    assert ROOT / "ifrc_site" / "settings" / "production.py" in sources
    assert ROOT / "ifrc_site" / "settings" / "base.py" in sources
    found = {
        str(path.relative_to(ROOT)): lines
        for path in sources
        if (lines := list(demo_references(path)))
    }
    assert found == {}, f"production code imports {DEMO}: {found}"


@pytest.mark.parametrize(
    ("where", "source", "found"),
    [
        ("ifrc_site/views.py", "import ifrc_site.demo.media", True),
        ("ifrc_site/views.py", "from ifrc_site.demo import pages", True),
        ("ifrc_site/views.py", "from ifrc_site import demo", True),
        ("ifrc_site/views.py", "from .demo import data", True),
        ("ifrc_site/__init__.py", "from . import demo", True),
        ("ifrc_site/editorial/roles.py", "from ..demo.media import make_pdf", True),
        ("ifrc_site/settings/base.py", 'APPS = ["ifrc_site.demo"]', True),
        ("ifrc_site/views.py", "import ifrc_site.demos", False),
        ("ifrc_site/editorial/roles.py", "from . import demo", False),
        ("news/models.py", "from .demo import data", False),
    ],
)
def test_the_import_check_sees_each_way_of_importing(tmp_path, where, source, found):
    probe = tmp_path / where
    probe.parent.mkdir(parents=True)
    probe.write_text(f"{source}\n")
    assert list(demo_references(probe, root=tmp_path)) == ([1] if found else [])
