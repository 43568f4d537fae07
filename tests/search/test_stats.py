"""Readers' searches are counted in the cache and reach SearchQueryCount only through a flush."""

import json
import os
import socket
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from healthsite.counting import counters
from search import stats
from search.models import SearchQueryCount
from tests.conftest import ROOT

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def counts():
    """{(query, day): (searches, without results)} as flushed to the database."""
    return {
        (row.query, row.day): (row.searches, row.without_results)
        for row in SearchQueryCount.objects.all()
    }


def soon():
    """When the current minute's searches are flushed."""
    return timezone.now() + timedelta(minutes=1) + stats.GRACE


def test_a_readers_search_writes_nothing_and_is_counted_after_a_flush(client):
    # Goes through the search view, which calls stats.record().
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "Sciatica"})
    assert response.status_code == 200
    assert not response.cookies
    assert not [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert not SearchQueryCount.objects.exists()

    stats.flush(now=soon())

    assert counts() == {("sciatica", timezone.localdate()): (1, 0)}


def test_recording_makes_no_database_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        stats.record("sciatica", found=True)


def test_flush_adds_the_searches_of_a_day_together():
    stats.record("Sciatica", found=True)
    stats.record("  SCIATICA ", found=True)
    stats.record("sciatca", found=False)

    summary = stats.flush(now=soon())

    today = timezone.localdate()
    assert counts() == {("sciatica", today): (2, 0), ("sciatca", today): (1, 1)}
    assert summary == {"entries": 3, "queries": 2, "lost": 0, "deleted": 0, "busy": False}


def test_flush_adds_to_counts_already_flushed():
    stats.record("lumbago", found=True, now=timezone.now() - timedelta(minutes=5))
    stats.flush()
    stats.record("lumbago", found=False)
    stats.flush(now=soon())

    assert counts() == {("lumbago", timezone.localdate()): (2, 1)}


def test_a_second_flush_adds_nothing():
    stats.record("lumbago", found=True)
    stats.flush(now=soon())

    summary = stats.flush(now=soon())

    assert summary["entries"] == 0
    assert counts() == {("lumbago", timezone.localdate()): (1, 0)}


def test_the_current_minute_waits_for_the_next_flush():
    stats.record("lumbago", found=True)

    assert stats.flush()["entries"] == 0
    assert stats.flush(now=soon())["entries"] == 1


def test_counts_from_different_days_stay_separate():
    yesterday = timezone.now() - timedelta(days=1)
    stats.record("trapped nerve", found=True, now=yesterday)
    stats.record("trapped nerve", found=False)

    stats.flush(now=soon())

    assert counts() == {
        ("trapped nerve", timezone.localdate(yesterday)): (1, 0),
        ("trapped nerve", timezone.localdate()): (1, 1),
    }


def test_queries_are_normalised_and_only_words_are_counted():
    stats.record("Crick\tin  the\nNECK\x00", found=True)
    stats.record("What's a slipped disc?", found=True)
    for junk in [
        "x" * 5000,
        " \x01 ",
        "a",
        "1234567",
        '=HYPERLINK("http://evil.example")',
        "<script>alert(1)</script>",
        "word " * 20,
        "a" * 31,
    ]:
        stats.record(junk, found=False)

    stats.flush(now=soon())

    assert sorted(query for query, _day in counts()) == [
        "crick in the neck",
        "what's a slipped disc?",
    ]


def test_one_address_adds_only_a_few_new_terms_an_hour():
    for number in range(2000):
        stats.record(f"flood term {number}", found=False, address="198.51.100.7")
    for _ in range(3):
        stats.record("flood term 0", found=False, address="198.51.100.7")  # a term it has
    stats.record("sciatica", found=True, address="203.0.113.8")  # another reader

    stats.flush(now=soon())

    found = counts()
    assert len(found) == stats.NEW_TERMS_PER_HOUR + 1
    assert found[("flood term 0", timezone.localdate())] == (4, 4)
    assert found[("sciatica", timezone.localdate())] == (1, 0)


def test_counts_older_than_13_months_are_deleted():
    today = timezone.localdate()
    SearchQueryCount.objects.create(query="old", day=today - timedelta(days=397), searches=1)
    SearchQueryCount.objects.create(query="kept", day=today - timedelta(days=396), searches=1)

    summary = stats.flush()

    assert summary["deleted"] == 1
    assert list(SearchQueryCount.objects.values_list("query", flat=True)) == ["kept"]


def test_many_searches_at_once_lose_nothing():
    queries = [f"query {n % 7}" for n in range(700)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda q: stats.record(q, found=bool(len(q) % 2)), queries))

    summary = stats.flush(now=soon())

    assert summary["lost"] == 0, "the cache evicted searches: give it room (MAX_ENTRIES)"
    assert sum(searches for searches, _ in counts().values()) == 700
    assert len(counts()) == 7


def test_a_flush_already_running_is_not_repeated():
    stats.record("lumbago", found=True)
    counters.add(stats.LOCK_KEY, True)

    assert stats.flush(now=soon())["busy"] is True
    assert not SearchQueryCount.objects.exists()


def test_searches_gone_from_the_cache_are_reported_lost():
    moment = timezone.now()
    for _n in range(5):
        stats.record("sciatica", found=True, now=moment)
    counters.delete(stats.entry_key(stats.minute_of(moment), 2))

    summary = stats.flush(now=soon())

    assert (summary["entries"], summary["lost"]) == (4, 1)


def test_searches_beyond_a_sequence_that_fell_behind_are_read():
    # The database cache's incr is not atomic: its sequence can end below the last entry.
    moment = timezone.now()
    for _n in range(3):
        stats.record("sciatica", found=True, now=moment)
    counters.set(stats.sequence_key(stats.minute_of(moment)), 1)

    assert stats.flush(now=soon())["entries"] == 3


def test_counting_goes_on_after_the_cache_was_cleared():
    stats.record("sciatica", found=True, now=timezone.now() - timedelta(minutes=5))
    stats.flush()
    counters.clear()

    stats.record("lumbago", found=True)
    stats.flush(now=soon())

    assert counts()[("lumbago", timezone.localdate())] == (1, 0)


def test_the_command_says_what_it_flushed(capsys):
    moment = timezone.now() - timedelta(minutes=2)
    stats.record("sciatica", found=True, now=moment)
    stats.record("sciatica", found=False, now=moment)
    stats.record("lumbago", found=True, now=moment)
    SearchQueryCount.objects.create(query="old", day=timezone.localdate() - timedelta(days=400))

    call_command("flush_search_stats")

    assert capsys.readouterr().out == "Flushed 3 searches for 2 queries; deleted 1 old row.\n"


def test_the_command_warns_of_searches_lost_from_the_cache(capsys):
    moment = timezone.now() - timedelta(minutes=2)
    for _n in range(3):
        stats.record("sciatica", found=True, now=moment)
    counters.delete(stats.entry_key(stats.minute_of(moment), 2))

    call_command("flush_search_stats")

    assert capsys.readouterr().err.startswith("1 search had gone from the cache")


def redis_cache(location):
    redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        # Our own prefix on the shared Redis: the test touches no other keys.
        "KEY_PREFIX": f"healthsite-test-{uuid.uuid4().hex}",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
    uncached = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    return {"default": redis, "counters": redis, "uncached": uncached}


def test_recording_survives_a_cache_outage(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the probe closes
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{port}/0")

    stats.record("sciatica", found=True)  # does not raise


# One of several app servers: another process recording into the same cache.
WORKER = """
import json, sys
from django.conf import settings
settings.CACHES = json.loads(sys.argv[1])
import django
django.setup()
from search import stats
for n in range(int(sys.argv[2])):
    stats.record(f"query {n % 5}", found=n % 3 > 0)
"""


@pytest.fixture
def redis(settings):
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        pytest.fail("These tests need Redis on 127.0.0.1:6379")
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/0")
    yield settings.CACHES
    counters.delete_pattern("*")  # only our prefix's keys


def test_several_processes_counting_in_redis_lose_nothing(redis):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "healthsite.settings.test"}
    command = [sys.executable, "-c", WORKER, json.dumps(redis), "200"]
    workers = [subprocess.Popen(command, cwd=ROOT, env=env) for _n in range(4)]
    assert [worker.wait(timeout=60) for worker in workers] == [0] * 4

    stats.flush(now=soon())

    assert sum(searches for searches, _ in counts().values()) == 800
    assert sum(without for _, without in counts().values()) == 4 * 67


def test_searches_through_the_site_add_few_new_terms_from_one_address(client):
    for number in range(12):
        client.get("/search/", {"q": f"flood word{number}"}, REMOTE_ADDR="198.51.100.9")
    stats.flush(now=soon())
    assert len(counts()) == stats.NEW_TERMS_PER_HOUR
