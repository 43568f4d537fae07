"""The database backup README describes (pg_dump, then pg_restore into a fresh database)
brings the whole site back: a worker on the restored database serves the same pages."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from django.db import connection

from tests.site_pages import BACK_PAIN_TYPES, SCIATICA

ROOT = Path(__file__).resolve().parents[2]
URLS = ["/", BACK_PAIN_TYPES.url, SCIATICA.url, "/feed/", "/search/?q=spasm"]

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def postgres(command, *args):
    database = connection.settings_dict
    server = ["-h", database["HOST"] or "127.0.0.1", "-p", str(database["PORT"] or 5432)]
    user = ["-U", database["USER"] or "postgres"]
    subprocess.run([command, *server, *user, *args], check=True, capture_output=True)


def served(database_url):
    """(status, title, digest of the HTML) of each URL from a worker on `database_url`; the
    forms' signed timestamps left out (they change every second); of the feed, its items'
    titles, addresses, ids and dates."""
    script = (
        "import django, hashlib, json, re; django.setup(); from django.test import Client; "
        "client = Client(); answers = []\n"
        f"for url in {URLS!r}:\n"
        "    response = client.get(url); html = response.content.decode()\n"
        "    title = re.search(r'<title>(.*?)</title>', html, re.S)\n"
        "    steady = re.sub(r'(type=\"hidden\"[^>]*value=\")[^\"]*', r'\\1', html)\n"
        "    if url.endswith('/feed/'):  # its items: titles, links, ids and dates\n"
        "        steady = str(re.findall(r'<(title|link|guid|pubDate)[^>]*>(.*?)</', html))\n"
        "    digest = hashlib.sha256(steady.encode()).hexdigest()\n"
        "    answers.append([response.status_code, title and title[1].strip(), digest])\n"
        "print(json.dumps(answers))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "healthsite.settings.test"}
    env["DATABASE_URL"] = database_url
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_a_restored_dump_serves_the_same_pages(tmp_path):
    database = connection.settings_dict
    name, restored = database["NAME"], f"{database['NAME']}_restored"
    dump = tmp_path / "site.dump"
    address = re.sub(r"/[^/]*$", "", os.environ["DATABASE_URL"])  # the server, without a name

    postgres("pg_dump", "--format=custom", f"--file={dump}", name)
    postgres("dropdb", "--if-exists", restored)
    postgres("createdb", restored)
    try:
        postgres("pg_restore", "--no-owner", f"--dbname={restored}", str(dump))
        original, copy = served(f"{address}/{name}"), served(f"{address}/{restored}")
    finally:
        postgres("dropdb", "--if-exists", restored)

    assert [status for status, _title, _digest in original] == [200] * len(URLS)
    assert copy == original
