"""The layout newcomers rely on (docs/architecture.md): the site shell imports none of the
capability apps (its settings and urls.py aside), and holds at most a third of the code."""

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.fixture_site

ROOT = Path(__file__).resolve().parents[2]
SHELL = ROOT / "healthsite"
APPS = ["articles", "caching", "demo", "editorial", "newsletter", "privacy", "products",
        "search", "seo", "stories"]  # fmt: skip


def modules(folder):
    return [
        path
        for path in folder.rglob("*.py")
        if "migrations" not in path.parts and "settings" not in path.parts
    ]


def imported(path):
    """The top-level packages `path` imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_the_shell_imports_no_capability_app():
    found = {
        str(path.relative_to(ROOT)): sorted(imported(path) & set(APPS))
        for path in modules(SHELL)
        if path.name != "urls.py"
    }
    assert not {path: apps for path, apps in found.items() if apps}


def test_the_shell_holds_at_most_a_third_of_the_code():
    def lines(folder):
        return sum(len(path.read_text().splitlines()) for path in modules(folder))

    shell = lines(SHELL)
    total = shell + sum(lines(ROOT / app) for app in APPS)
    assert shell <= total / 3, f"healthsite/ holds {shell} of {total} lines"
