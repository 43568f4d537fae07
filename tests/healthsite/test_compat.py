"""The framework internals in healthsite/compat.py are still there, as the site uses them: an
upgrade that changes one fails here, by name, before search or purging misbehave."""

import inspect
import re
from pathlib import Path

import pytest

from django.db import connection, transaction
from django.utils.module_loading import import_string

from healthsite import compat

pytestmark = pytest.mark.fixture_site

ROOT = Path(__file__).resolve().parents[2]
APPS = ["healthsite", "caching", "editorial", "articles", "products", "search", "newsletter",
        "stories", "privacy", "seo", "demo"]  # fmt: skip
# A framework's private name used from our code: `x._name` on something not our own.
PRIVATE_USE = re.compile(r"(?<![\w.])(?!self\.|cls\.)[a-z]\w*\._[a-z]\w*")


@pytest.mark.parametrize(
    ("owner", "name", "parameters"), compat.RELIED_ON[connection.vendor]
)  # the database the suite runs on: .ci/run runs it on both
def test_each_internal_relied_on_is_still_there_with_the_same_parameters(owner, name, parameters):
    method = getattr(import_string(owner), name, None)
    assert method is not None, f"{owner}.{name} is gone: change healthsite/compat.py"
    found = list(inspect.signature(method).parameters)[1:]
    assert found == parameters, f"{owner}.{name} now takes {found}"


@pytest.mark.django_db(transaction=True)
def test_what_waits_for_the_commit_can_be_listed():
    def purge():
        pass

    with transaction.atomic():
        transaction.on_commit(purge)
        assert purge in compat.pending_on_commit(connection)


def test_no_other_module_uses_a_private_framework_name():
    """Our own attributes (`self._x`, `_meta`) aside, names starting with "_" stay in compat."""
    found = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts or path.name == "compat.py":
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                code = line.split("#")[0]
                for match in PRIVATE_USE.findall(code):
                    if "._meta" not in match:
                        found.append(f"{path.relative_to(ROOT)}:{number}: {match}")
    assert not found, "\n".join(found)
