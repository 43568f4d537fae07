"""Editors stay signed in through a Redis outage: production keeps sessions in the database
(Django's default engine), and Redis is only the shared cache, whose outage is a miss."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from django.contrib.auth.models import Group

from editorial.setup import EDITORS
from tests.conftest import page_at
from tests.site_pages import SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-editor-password-7"


def production_settings(redis_url):
    """SESSION_ENGINE and CACHES as production settings make them with this REDIS_URL, read in
    a process of their own (as a server starts: none of the test run's settings)."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "healthsite.settings.production",
        "SECRET_KEY": "s" * 20 + "-a-long-random-production-secret-key-0123456789",
        "ALLOWED_HOSTS": "backpain.example.org",
        "DATABASE_URL": "sqlite:///unused.sqlite3",
        "REDIS_URL": redis_url,
    }
    code = (
        "import json; from django.conf import settings as s;"
        "print(json.dumps({'engine': s.SESSION_ENGINE, 'caches': s.CACHES}))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def production_cache(settings, redis_server):
    """Production's session engine and cache, the cache in a Redis of our own."""
    _process, port = redis_server
    production = production_settings(f"redis://127.0.0.1:{port}/0")
    assert production["caches"]["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    settings.SESSION_ENGINE = production["engine"]
    settings.CACHES = production["caches"]
    return redis.Redis(port=port)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("robin", "robin@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]


def stop(server):
    """Kills the Redis server behind `server` (a client of it): an outage, not a shutdown."""
    pid = server.info("server")["process_id"]
    os.kill(pid, 9)
    for _ in range(100):
        try:
            server.ping()
        except redis.ConnectionError:
            return
        time.sleep(0.05)
    pytest.fail("Redis did not stop")


def test_production_keeps_sessions_out_of_the_cache(production_cache, settings):
    assert settings.SESSION_ENGINE in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    )


def test_an_editor_stays_signed_in_when_redis_stops(client, editor, production_cache):
    sign_in(client, "robin")
    assert client.get("/admin/").status_code == 200
    assert production_cache.dbsize() > 0  # the cache really was this Redis (sign-in counts)
    page = page_at(SCIATICA.url)

    stop(production_cache)

    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200  # not a redirect to the sign-in form
    assert dashboard.context["request"].user == editor
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{page.get_parent().pk}/").status_code == 200  # explorer


def test_an_editor_can_sign_in_while_redis_is_down(client, editor, production_cache):
    stop(production_cache)

    sign_in(client, "robin")  # the attempts limit, counted in the cache, lets them through

    assert client.get("/admin/").status_code == 200
