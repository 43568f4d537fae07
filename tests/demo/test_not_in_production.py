"""The demo app is for `make run`, the tests and `make bench`: production settings leave it
out, and no production code imports it, so the site runs without it (and without fpdf2)."""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_PACKAGES = [
    "healthsite",
    "editorial",
    "privacy",
    "articles",
    "products",
    "search",
    "newsletter",
    "stories",
]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "healthsite.settings.production",
    "SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-key-0123456789",
    "ALLOWED_HOSTS": "backpain.example.org",
    "DATABASE_URL": "sqlite:///unused.sqlite3",
}
# Everything a production process loads: the site, its URLs and admin hooks, every command.
LOAD_EVERYTHING = """
import sys
import healthsite.wsgi, healthsite.urls
from django.apps import apps
from django.core.management import get_commands, load_command_class
from wagtail import hooks
hooks.search_for_hooks()
for name, app in get_commands().items():
    load_command_class(app, name)
print("installed:", apps.is_installed("demo"))
print("imported:", sorted(m for m in sys.modules if m == "demo" or m.startswith("demo.")))
"""


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_no_production_module_imports_the_demo():
    found = [
        f"{path.relative_to(ROOT)}: {module}"
        for package in PRODUCTION_PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        for module in imported_modules(path)
        if module == "demo" or module.startswith("demo.")
    ]
    assert found == []


def test_production_settings_neither_install_nor_load_the_demo():
    ignored = {*PRODUCTION, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", LOAD_EVERYTHING],
        cwd=ROOT,
        env={**clean, **PRODUCTION},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "installed: False" in result.stdout
    assert "imported: []" in result.stdout
