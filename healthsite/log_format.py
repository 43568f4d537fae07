"""Log lines as JSON objects, one per line, with nothing that identifies a reader.

A log aggregator can filter on the fields; operators can still read them. Requests are logged
by method, path and status only: no address, query string (a search can be about someone's
health), cookie, header or form field, and secrets in paths (newsletter links) are masked. An
e-mail address in a message or traceback (a mail server refusing a recipient, say) is masked
too.
"""

import json
import logging
import re

from django.conf import settings

EMAIL_ADDRESS = re.compile(r"[^\s@<>()\[\]\"',;:]+@[^\s@<>()\[\]\"',;:]+\.[a-z]{2,}", re.I)
# What gunicorn writes of a request it could not read: "ip=…", addresses, "…?q=…".
IP_FIELD = re.compile(r"\bip=\S+")
IPV4 = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")
QUERY_STRING = re.compile(r"\?[^\s'\"]*")


def without_personal_data(text):
    text = EMAIL_ADDRESS.sub("[e-mail address]", text)
    text = IP_FIELD.sub("ip=[address]", text)
    text = IPV4.sub("[address]", text)
    text = QUERY_STRING.sub("?[query]", text)
    for pattern, replacement in settings.LOG_MASKED_PATHS:
        text = re.sub(pattern, replacement, text)
    return text


class ExpectedRefusals(logging.Filter):
    """A request for a host the site does not serve is refused as expected (scanners send
    them all day): a warning, not an error that pages an operator."""

    def filter(self, record):
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class StructuredFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": without_personal_data(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = request.method
            entry["path"] = without_personal_data(request.path)
        if hasattr(record, "status_code"):
            entry["status"] = record.status_code
        if record.exc_info:
            entry["error"] = without_personal_data(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
