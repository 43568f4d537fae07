"""`make bench` runs the site in production settings, which guess no address: it gives one."""

from pathlib import Path

from bench.servers import django_env
from healthsite.site_address import host_and_port


def test_the_benchmark_gives_the_site_its_address():
    env = django_env("postgres://postgres@127.0.0.1/bench", "redis://127.0.0.1/0", Path("media"))
    assert env["DJANGO_SETTINGS_MODULE"] == "bench.settings"
    # The address the load asks for: Host 127.0.0.1, X-Forwarded-Proto https.
    assert host_and_port(env["SITE_URL"]) == ("127.0.0.1", 443)
