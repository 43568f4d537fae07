"""Numbers and addresses read from what clients send, which may be anything: a bad one is
treated as absent, never as an error (a 500)."""

import ipaddress
import re

from django.conf import settings

DIGITS = re.compile(r"[0-9]{1,9}")  # ASCII only: str.isdigit() also takes "²" and "١", int() not
BRACKETED = re.compile(r"\[([0-9a-fA-F:.]+)\](?::[0-9]+)?")  # [::1] or [::1]:443
WITH_PORT = re.compile(r"([0-9.]+):[0-9]+")  # 1.2.3.4:5678


def whole_number(text):
    """`text` as a non-negative int if it is one written in ASCII digits; else None."""
    text = str(text).strip()
    return int(text) if DIGITS.fullmatch(text) else None


def ip_address(text):
    """The IP address in `text` (as proxies write them, with a port or brackets or not), in
    its canonical form; None if there is none."""
    text = text.strip()
    match = BRACKETED.fullmatch(text) or WITH_PORT.fullmatch(text)
    try:
        return str(ipaddress.ip_address(match.group(1) if match else text))
    except ValueError:
        return None


def client_ip(request):
    """The reader's address. Behind our own proxies (settings.TRUSTED_PROXY_COUNT of them),
    the one the outermost proxy saw, from X-Forwarded-For; only those entries can be trusted."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [address for address in forwarded if address]
        # Not an address (a client talking to us directly may send anything): the connection's.
        if len(forwarded) >= proxies and (address := ip_address(forwarded[-proxies])):
            return address
    return ip_address(request.META.get("REMOTE_ADDR") or "") or "0.0.0.0"  # noqa: S104 - a key
