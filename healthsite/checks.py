"""Deployment checks of the site's own settings (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register


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
