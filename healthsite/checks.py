"""Deployment checks of the site's own settings (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register

from . import site_address


def redis_instances(alias):
    """The Redis servers (host and port, or socket path) a cache alias uses; none if not Redis.
    The database number is left out: eviction is per instance, not per database."""
    cache = settings.CACHES.get(alias, {})
    if "redis" not in cache.get("BACKEND", "").lower():
        return set()
    locations = cache["LOCATION"]
    if isinstance(locations, str):
        locations = locations.split(",")
    instances = set()
    for location in locations:
        url = urlsplit(location.strip())
        if url.scheme == "unix":
            instances.add(url.path)
        else:
            instances.add(((url.hostname or "localhost").lower(), url.port or 6379))
    return instances


@register(Tags.caches, deploy=True)
def counters_apart_from_pages(app_configs, **kwargs):
    if redis_instances("default") & redis_instances("counters"):
        return [
            Warning(
                "Rate limits and search counts share the page cache's Redis instance: as pages "
                "fill it, Redis evicts them too, letting floods through and losing searches.",
                hint=(
                    "Set REDIS_COUNTERS_URL to a second Redis instance with maxmemory-policy "
                    'noeviction (README, "Redis"); another database number of the same instance '
                    "is not enough."
                ),
                id="healthsite.W001",
            )
        ]
    return []


@register(Tags.urls, deploy=True)
def public_address_set(app_configs, **kwargs):
    hint = (
        "Set SITE_URL to the address readers use (e.g. https://backpain.example.org) and run "
        '`manage.py set_site_address` (README, "Production").'
    )
    if not settings.SITE_URL:
        return [
            Warning(
                "SITE_URL is not set: links in pages, feeds, the sitemap and e-mails lead to "
                "whatever address the default site record holds.",
                hint=hint,
                id="healthsite.W002",
            )
        ]
    try:
        site_address.host_and_port(settings.SITE_URL)
    except ValueError as error:
        return [Warning(f"SITE_URL {error}", hint=hint, id="healthsite.W002")]
    return []
