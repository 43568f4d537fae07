"""The reading level is measured with the network unreachable: textstat must never download
anything (from 0.7.4 on it fetches NLTK's CMU dictionary at first use, which fails offline
and must never happen in a production worker)."""

import json
import socket
import subprocess
import sys

import pytest

from editorial.plain_english import readability
from tests.conftest import ROOT

pytestmark = pytest.mark.fixture_site

TEXT = [
    "Lumbar radiculopathy causes bilateral paraesthesia in the lower extremities.",
    "Most back pain gets better on its own within a few weeks.",
    "Keep moving, and take painkillers if you need them.",
]

# A fresh interpreter whose every attempt to open a connection fails, measuring TEXT with
# nothing imported before: whatever textstat or pyphen load at first use is loaded offline.
OFFLINE = """
import json, socket, sys

def unreachable(*args, **kwargs):
    raise OSError("network unreachable (test)")

socket.socket.connect = unreachable
socket.socket.connect_ex = unreachable
socket.create_connection = unreachable
socket.getaddrinfo = unreachable

from editorial.plain_english import readability

level = readability.measure(json.loads(sys.argv[1]))
assert "nltk" not in sys.modules
print(json.dumps([level.reading_age, level.fk_grade, level.smog, level.sentences, level.words]))
"""


def test_scores_are_computed_with_the_network_unreachable():
    completed = subprocess.run(
        [sys.executable, "-c", OFFLINE, json.dumps(TEXT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    level = readability.measure(TEXT)
    expected = [level.reading_age, level.fk_grade, level.smog, level.sentences, level.words]
    assert json.loads(completed.stdout) == expected
    assert level.fk_grade is not None and level.words == 30


def test_scores_in_process_with_the_network_unreachable(monkeypatch):
    def unreachable(*args, **kwargs):
        raise OSError("network unreachable (test)")

    monkeypatch.setattr(socket.socket, "connect", unreachable)
    monkeypatch.setattr(socket, "create_connection", unreachable)
    level = readability.measure([f"{sentence} {n}" for n in range(30) for sentence in TEXT[:1]])
    assert level.smog is not None and level.reading_age is not None
