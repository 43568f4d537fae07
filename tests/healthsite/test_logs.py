"""The site's logs are one JSON object per line, and say nothing that identifies a reader: no
address, no query string, no e-mail address, no secret link, even in a traceback."""

import io
import json
import logging
import socket
import threading

import pytest

from django.conf import settings
from django.utils.module_loading import import_string

from tests.newsletter.conftest import sign_up
from tests.site_pages import SCIATICA

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

READER = "pat.reader@example.org"


@pytest.fixture
def log_lines():
    """What the site's configured console handler writes, line by line."""
    handler_settings = settings.LOGGING["handlers"]["console"]
    formatter_settings = settings.LOGGING["formatters"][handler_settings["formatter"]]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(import_string(formatter_settings["()"])())
    logging.getLogger().addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logging.getLogger().removeHandler(handler)


@pytest.fixture
def refusing_mail_server(settings):
    """An SMTP server on a spare port that refuses every recipient, quoting the address back
    (as real ones do)."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve():
        connection, _ = listener.accept()
        with connection, connection.makefile("rwb") as talk:
            talk.write(b"220 mail.test ESMTP\r\n")
            talk.flush()
            for line in talk:
                command = line.decode().strip()
                if command.upper().startswith(("EHLO", "HELO")):
                    talk.write(b"250 mail.test\r\n")
                elif command.upper().startswith("RCPT"):
                    address = command.split(":", 1)[1].strip()
                    talk.write(f"550 5.1.1 {address}: Recipient address rejected\r\n".encode())
                elif command.upper().startswith("QUIT"):
                    talk.write(b"221 Bye\r\n")
                    talk.flush()
                    return
                else:
                    talk.write(b"250 OK\r\n")
                talk.flush()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = listener.getsockname()
    settings.EMAIL_USE_TLS = False
    yield
    thread.join(timeout=5)
    listener.close()


def test_a_request_is_logged_by_method_path_and_status_only(client, log_lines):
    client.get(f"/no-such-page/?q=my+slipped+disc&email={READER}", REMOTE_ADDR="203.0.113.9")

    (entry,) = [line for line in log_lines() if line["logger"] == "django.request"]
    assert entry["level"] == "WARNING"
    assert entry["method"] == "GET"
    assert entry["path"] == "/no-such-page/"
    assert entry["status"] == 404
    assert "time" in entry and entry["message"] == "Not Found: /no-such-page/"
    written = json.dumps(log_lines())
    for personal in (READER, "slipped", "203.0.113.9"):
        assert personal not in written


def test_a_newsletter_link_is_logged_without_its_secret(client, log_lines):
    client.get("/newsletter/unsubscribe/a1b2c3-secret-looking-token/")
    (entry,) = [line for line in log_lines() if line["logger"] == "django.request"]
    assert entry["path"] == "/newsletter/unsubscribe/[token]"
    assert "secret-looking" not in json.dumps(log_lines())


def test_a_mail_server_refusing_a_reader_is_logged_without_their_address(
    client, log_lines, refusing_mail_server
):
    response = sign_up(client, email=READER)

    assert response.status_code == 200
    (entry,) = [line for line in log_lines() if line["level"] == "ERROR"]
    assert entry["message"] == "Newsletter signup: the e-mail could not be sent"
    assert "SMTPRecipientsRefused" in entry["error"]
    assert "[e-mail address]" in entry["error"]
    assert READER not in json.dumps(log_lines())


def test_a_method_readers_may_not_use_is_a_warning(client, log_lines):
    assert client.delete(SCIATICA.url).status_code == 405
    refused = [entry for entry in log_lines() if entry.get("status") == 405]
    assert refused and all(entry["level"] == "WARNING" for entry in refused)
