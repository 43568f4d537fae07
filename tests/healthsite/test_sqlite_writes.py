"""On SQLite (`make run`, one machine), two requests that write at once both succeed: the second
waits for the first instead of answering 500 "database is locked", as the admin's autosave
and an editor's Submit did in tests/healthsite/test_editor_journey_browser.py."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.fixture_site

ROOT = Path(__file__).resolve().parents[2]
# An autosave holds the write lock for a moment; meanwhile Submit reads, then writes.
TWO_WRITERS = """
import threading
import time

import django

django.setup()
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE revision (saved_by TEXT)")
writing = threading.Event()


def autosave():
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO revision VALUES ('autosave')")
        writing.set()
        time.sleep(0.5)
    connection.close()


thread = threading.Thread(target=autosave)
thread.start()
writing.wait()
with transaction.atomic(), connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM revision")
    cursor.execute("INSERT INTO revision VALUES ('submit')")
thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT saved_by FROM revision ORDER BY rowid")
    print(" ".join(row[0] for row in cursor.fetchall()))
"""


def test_a_second_writer_waits_for_the_first(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "healthsite.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", TWO_WRITERS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["autosave", "submit"]
