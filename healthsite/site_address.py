"""The site's public address (SITE_URL), as the default Wagtail Site records it.

Absolute links in pages, feeds, the sitemap and e-mails come from the Site record (its
`root_url`), not from the request: a feed or an e-mail must point where readers reach the site,
whichever address the worker was asked on. `manage.py set_site_address` writes SITE_URL there.
"""

from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def host_and_port(url):
    """(hostname, port) of `url`, as a Site records them; ValueError, saying why, for an
    address a Site cannot hold (Wagtail's Site says https by port 443 alone)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise ValueError(f"{url!r} is not an address: {error}") from error
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"{url!r} is not an address such as https://backpain.example.org")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{url!r}: give the scheme, host and port only (the site is served at /)")
    port = port or DEFAULT_PORTS[parts.scheme]
    if (parts.scheme == "https") != (port == 443):
        raise ValueError(
            f"{url!r}: Wagtail's Site serves https on port 443 only, and http on any other port"
        )
    return parts.hostname, port


def apply(url=None):
    """Records `url` (SITE_URL by default) as the default Site's address; returns the Site and
    whether it changed. Saving it purges every cached page (PAGE_CACHE_SHOWN_EVERYWHERE)."""
    hostname, port = host_and_port(url or settings.SITE_URL)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) == (hostname, port):
        return site, False
    if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        raise ValueError(f"another site already has the address {hostname}:{port}")
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site, True
