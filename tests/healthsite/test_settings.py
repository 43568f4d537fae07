"""Production settings come from the environment and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.fixture_site

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "healthsite.settings.production",
    "SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-key-0123456789",
    "ALLOWED_HOSTS": "backpain.example.org",
    "DATABASE_URL": "sqlite:///unused.sqlite3",
    "SITE_URL": "https://backpain.example.org",
}


def manage(*args, **env):
    # As a server would start: none of the test run's own settings.
    ignored = {*PRODUCTION, "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "REDIS_COUNTERS_URL"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_trusts_the_proxy_and_uses_redis_when_told():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_PROXY_SSL_HEADER, s.CACHES['default']['BACKEND'], s.LANGUAGE_CODE,"
        " s.STORAGES['staticfiles']['BACKEND'])"
    )
    result = manage("shell", "-c", code, REDIS_URL="redis://127.0.0.1:6379/1", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "('HTTP_X_FORWARDED_PROTO', 'https')" in result.stdout
    assert "django_redis.cache.RedisCache" in result.stdout
    assert "en-gb" in result.stdout
    assert "CompressedManifestStaticFilesStorage" in result.stdout


def test_a_worker_leaves_out_the_pdf_library_only_the_demo_loader_needs():
    # fpdf with numpy: ~60 MB in every worker, against a budget of 200 MB (make bench).
    code = (
        "import sys, healthsite.wsgi; from wagtail import hooks; hooks.search_for_hooks();"
        "print('loaded:', [name for name in ('fpdf', 'numpy') if name in sys.modules])"
    )
    result = manage("shell", "-c", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "loaded: []" in result.stdout


def test_production_counts_in_a_redis_of_their_own_when_told():
    code = "from django.conf import settings as s; print(s.CACHES['counters']['LOCATION'])"
    result = manage(
        "shell",
        "-c",
        code,
        REDIS_URL="redis://127.0.0.1:6379/0",
        REDIS_COUNTERS_URL="redis://127.0.0.1:6380/0",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "redis://127.0.0.1:6380/0"


def test_check_deploy_warns_when_counts_share_the_page_caches_redis():
    # Another database number is the same instance: its evictions take the counts too.
    for counters in (None, "redis://127.0.0.1:6379/5"):
        env = {"REDIS_COUNTERS_URL": counters} if counters else {}
        result = manage(
            "check", "--deploy", REDIS_URL="redis://127.0.0.1:6379/0", **env, **PRODUCTION
        )
        assert "healthsite.W001" in result.stdout + result.stderr, counters


def test_check_deploy_is_clean_with_counts_in_a_second_redis():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        REDIS_URL="redis://127.0.0.1:6379/0",
        REDIS_COUNTERS_URL="redis://127.0.0.1:6380/0",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_warns_until_the_sites_public_address_is_set():
    production = {k: v for k, v in PRODUCTION.items() if k != "SITE_URL"}
    for address in (None, "backpain.example.org", "https://backpain.example.org:8443"):
        env = {"SITE_URL": address} if address else {}
        result = manage("check", "--deploy", **env, **production)
        assert "healthsite.W002" in result.stdout + result.stderr, address
        assert "SITE_URL" in result.stdout + result.stderr


def test_an_empty_database_url_means_the_sqlite_file():
    # `DATABASE_URL=` copied from .env.example: unset, not a crash at start.
    code = "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'])"
    result = manage(
        "shell", "-c", code, DJANGO_SETTINGS_MODULE="healthsite.settings.dev", DATABASE_URL=""
    )
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout
