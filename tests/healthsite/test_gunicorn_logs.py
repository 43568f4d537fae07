"""gunicorn's own logs (gunicorn.conf.py) follow the site's rules: JSON lines, no reader's
address, no query string; a request for a host the site does not serve is a warning."""

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.fixture_site


def spare_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def send(port, raw):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(raw)
        return connection.recv(4096)


def test_gunicorns_own_logs_keep_no_address_and_no_query(tmp_path):
    port = spare_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "healthsite.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "healthsite.wsgi"]
    server = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        # A request line gunicorn cannot read, carrying a reader's search.
        send(port, b"GET /search/?q=my+sciatica+pain HTTP/1.1 junk\r\nHost: 127.0.0.1\r\n\r\n")
        answer = send(port, b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 400")
        # A HEAD request, as feed readers and monitors send, is answered without a word logged.
        answer = send(port, b"HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"\r\n\r\n")
        time.sleep(0.5)
    finally:
        server.terminate()
        _out, errors = server.communicate(timeout=20)

    entries = [json.loads(line) for line in errors.splitlines() if line.startswith("{")]
    assert entries, errors
    assert len(entries) == len([line for line in errors.splitlines() if line.strip()]), errors
    assert "127.0.0.1" not in errors and "sciatica" not in errors
    assert any("Invalid request" in entry["message"] for entry in entries)
    assert not [entry for entry in entries if "no-body response" in entry["message"]]
    host = [entry for entry in entries if entry["logger"] == "django.security.DisallowedHost"]
    assert host and all(entry["level"] == "WARNING" for entry in host)
    # Expected refusals are warnings: nothing here is an error to page an operator for.
    assert [entry for entry in entries if entry["level"] in ("ERROR", "CRITICAL")] == []
