import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

from django.core.cache import cache

from wagtail.models import Page

from demo.loader import DemoLoader
from healthsite.counting import counters
from tests.demo_team import PASSWORD as TEAM_PASSWORD
from tests.site_pages import FIXTURE_SITE

ROOT = Path(__file__).resolve().parents[1]
# Playwright runs an event loop in the test thread; the ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# Under pytest-xdist (`make test` runs the tests in parallel) each worker has its own test
# database; PYTEST_XDIST_WORKER names the worker ("gw0", "gw1", …).
WORKER = os.environ.get("PYTEST_XDIST_WORKER")
# Whether only tests marked fixture_site run: then the database holds the fixture site alone.
SITE = {"small": False}


def pytest_configure(config):
    """Each worker keeps its uploads and renditions in a media folder of its own."""
    if WORKER:
        from django.conf import settings
        from django.test.utils import override_settings

        override_settings(MEDIA_ROOT=Path(settings.MEDIA_ROOT) / WORKER).enable()


def shared_by(item):
    """What a test shares with others that is costly to build once more on another worker:
    the demo site served by runserver, or a fixture of its module (say the 2,000-page archive
    of test_query_counts.py). None for a test that can run anywhere."""
    if "demo_site" in item.fixturenames:
        return "demo_site"
    fixtureinfo = getattr(item, "_fixtureinfo", None)
    for name in item.fixturenames:
        for fixturedef in fixtureinfo.name2fixturedefs.get(name, ()) if fixtureinfo else ():
            # Only the project's own fixtures: the plugins' are per session or per test.
            if fixturedef.scope in ("module", "package") and fixturedef.baseid:
                return item.nodeid.split("::")[0]
    return None


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """With `--dist loadgroup`, tests that share something run on one worker, where it is
    built once; every other test goes to whichever worker is free."""
    for item in items:
        group = shared_by(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


def pytest_collection_finish(session):
    """The site the run needs: the fixture site when every test chosen (after -k and -m) is
    marked fixture_site; each worker collects every test, so each decides alike.

    pytest-xdist tells the groups by the tests' ids ("…::test_x@demo_site"); should a
    version of pytest drop that suffix (pytest-xdist#1386, pytest 9.2), every worker would
    build the shared things again: slower, so say so."""
    items = session.items
    SITE["small"] = bool(items) and all(item.get_closest_marker("fixture_site") for item in items)
    if getattr(session.config.option, "loadgroup", False):
        lost = [item for item in session.items if shared_by(item) and "@" not in item.nodeid]
        if lost:
            warnings.warn(
                pytest.PytestWarning(
                    f"{len(lost)} tests lost their xdist_group (pytest-xdist#1386): "
                    "their shared fixtures are built on every worker"
                ),
                stacklevel=1,
            )


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    """pytest-django names each worker's PostgreSQL test database (test_healthsite_gw0, …) but
    leaves every worker's in-memory SQLite one the same name, and what is keyed on the
    database's name (send_newsletter's one-sender lock) would take the workers for one."""
    if WORKER:
        from django.conf import settings

        for alias, database in settings.DATABASES.items():
            test = database.setdefault("TEST", {})
            if database["ENGINE"].endswith("sqlite3") and test.get("NAME") in (None, ":memory:"):
                test["NAME"] = f"file:memorydb_{alias}_{WORKER}?mode=memory&cache=shared"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site, built once per run: the whole of it, or when only
    tests marked fixture_site run, its small fixture site (tests/site_pages.py)."""
    only = [page.url for page in FIXTURE_SITE] if SITE["small"] else None
    with django_db_blocker.unblock():
        DemoLoader(log=lambda message: None, only=only).run()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with empty caches: rate limits, counts and cached menus of one test
    must not leak into the next."""
    cache.clear()
    counters.clear()


def page_at(path):
    """The page served at `path` on the demo site, e.g. "/specific-back-pain/sciatica/"."""
    return Page.objects.get(url_path=f"/home{path}").specific


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor-admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium; Playwright's own browser download is unreachable here."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": BROWSER_ARGS,
    }


class DemoSite:
    """The demo site as `make run` serves it, on its own SQLite database and media folder."""

    def __init__(self, folder):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        # E-mails the site sends are written to files here (one file per connection).
        self.mail = folder / "mail"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "healthsite.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            # The site's own address, so that links in e-mails and feeds lead back to it.
            "SITE_URL": self.url,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail),
            # Forms sent at once are not refused as a robot's: the browser tests need no pause.
            "PUBLIC_FORM_MIN_SECONDS": "0",
        }

    def manage(self, *command, stdin=None, **env):
        """Runs a manage.py command on this site's database; returns what it printed."""
        return subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env={**self.env, **env},
            input=stdin,
            check=True,
            capture_output=True,
            text=True,
        ).stdout


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The demo site served by runserver on a spare port, for the browser tests."""
    site = DemoSite(tmp_path_factory.mktemp("site"))
    site.manage("migrate", "--no-input")
    site.manage("load_demo_content")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", site.url.removeprefix("http://")],
        cwd=ROOT,
        env=site.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _attempt in range(100):
        try:
            urllib.request.urlopen(site.url, timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    yield site
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def site_url(demo_site):
    return demo_site.url


@pytest.fixture(scope="session")
def demo_team(demo_site):
    """The demo's editor and medical reviewer (create_demo_team), who sign in with
    tests.demo_team.sign_in."""
    demo_site.manage("create_demo_team", ADMIN_PASSWORD=TEAM_PASSWORD)


@pytest.fixture
def redis_server(tmp_path):
    """A Redis of our own on a spare port, which the test may stop."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is needed: apt-get install -y redis-server")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield process, port
    process.kill()
    process.wait()
