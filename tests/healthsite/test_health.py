"""`GET /healthz` tells a load balancer whether this worker can serve: 200 while the database
answers, 503 when it does not; over plain HTTP and by the worker's address too. With the
database down, readers get the static "something went wrong" page, not a traceback."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site_pages import MUSCLE_SPASMS

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]


def test_healthz_says_ok_while_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"] and not response.cookies


def test_healthz_answers_a_probe_over_plain_http_by_the_workers_address(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["backpain.example.org"]
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400  # the rest checks


def test_only_reading_is_answered(client):
    assert client.post("/healthz").status_code != 200


def without_database(url):
    """(status, body) of `url` from a worker whose database is unreachable: nothing listens on
    the port it is given."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "healthsite.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/healthsite",
    }
    script = (
        "import django, json; django.setup(); from django.test import Client; "
        f"response = Client(raise_request_exception=False).get({url!r}); "
        "print(json.dumps([response.status_code, response.content.decode()]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_healthz_says_503_when_the_database_is_down():
    assert without_database("/healthz") == [503, "database unavailable\n"]


def test_readers_get_the_static_error_page_when_the_database_is_down():
    status, html = without_database(MUSCLE_SPASMS.url)
    assert status == 500
    assert "Sorry, something went wrong" in html and "Traceback" not in html
