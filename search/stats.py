"""Counting what readers search for without writing to the database on their request.

`record` appends each search to a log in the `counters` cache (which pages never crowd out),
one numbered log per minute; `flush` (the `flush_search_stats` command, run by cron) adds the
finished minutes to SearchQueryCount in one transaction and deletes them from the cache. Only
the words, the day and whether anything was found are kept: no address, account or session
(search terms on a health site are health data). Only queries that look like words are counted,
and at most a few new terms per address an hour, so nobody can flood the report.
"""

import hashlib
import hmac
import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from healthsite.counting import counters

from .models import SearchQueryCount

logger = logging.getLogger(__name__)

PREFIX = "search-stats"
FLUSHED_KEY = f"{PREFIX}:flushed"  # the last minute flushed
LOCK_KEY = f"{PREFIX}:lock"
# Logs left unflushed (no cron) expire by themselves, so the cache never fills with them.
ENTRY_TIMEOUT = 7 * 24 * 60 * 60
LOCK_TIMEOUT = 15 * 60
# A minute is flushed once it is this long over, so no search in it is still being stored.
GRACE = timedelta(seconds=10)
MAX_CHARACTERS = 100  # longer is not a search a person types (the column holds 200)
MIN_CHARACTERS = 2
MAX_WORDS = 12
MAX_WORD = 30  # characters: "spondylolisthesis" has 17
WORD_PUNCTUATION = " -'’.,?&/+()"
NEW_TERMS_PER_HOUR = 5  # distinct terms counted for one address in an hour
KEEP_DAYS = 396  # 13 months
CHUNK = 1000  # keys per cache round trip
MAX_TRIES = 100
LOOKAHEAD = MAX_TRIES  # how far entries may run past their minute's sequence (see `record`)


def minute_of(moment):
    return int(moment.timestamp()) // 60


def sequence_key(minute):
    return f"{PREFIX}:{minute}"


def entry_key(minute, number):
    return f"{PREFIX}:{minute}:{number}"


def normalise(query):
    printable = "".join(c for c in query if c.isprintable() or c.isspace())
    return " ".join(printable.casefold().split())


def looks_like_words(query):
    """Whether a (normalised) query is words a person would type: the report is for editors,
    not a place where anyone can leave text for 13 months."""
    words = query.split()
    return (
        MIN_CHARACTERS <= len(query) <= MAX_CHARACTERS
        and len(words) <= MAX_WORDS
        and all(len(word) <= MAX_WORD for word in words)
        and all(c.isalnum() or c in WORD_PUNCTUATION for c in query)
        and sum(c.isalpha() for c in query) * 2 >= len(query.replace(" ", ""))
    )


def new_term_allowed(query, address, now):
    """At most NEW_TERMS_PER_HOUR distinct terms counted for one address in an hour (the same
    term again always counts). The address is never kept: only a keyed hash of it and the
    hour, as a cache key that expires with the hour."""
    hour = int(now.timestamp()) // 3600
    who = hmac.new(settings.SECRET_KEY.encode(), f"{address}|{hour}".encode(), "sha256")
    key = f"{PREFIX}:who:{who.hexdigest()[:32]}"
    term = hashlib.sha256(query.encode()).hexdigest()[:16]
    terms = counters.get(key, [])
    if term in terms:
        return True
    if len(terms) >= NEW_TERMS_PER_HOUR:
        return False
    counters.set(key, [*terms, term], timeout=3600)
    return True


def record(query, found, now=None, address=None):
    """Count one search for `query`; `found` says whether it found anything; `address`: the
    reader's, to limit the new terms one address adds. Never raises."""
    try:
        query = normalise(query)
        if not looks_like_words(query):
            return
        now = now or timezone.now()
        if address is not None and not new_term_allowed(query, address, now):
            return
        minute = minute_of(now)
        entry = (timezone.localdate(now).isoformat(), query, bool(found))
        counters.add(sequence_key(minute), 0, timeout=ENTRY_TIMEOUT)
        drawn = counters.incr(sequence_key(minute))
        # incr is atomic on Redis, Memcached and local memory but not on the database cache,
        # where two workers can draw one number; add() is atomic on all, so the second moves on.
        for number in range(drawn, drawn + MAX_TRIES):
            if counters.add(entry_key(minute, number), entry, timeout=ENTRY_TIMEOUT):
                return
        logger.debug("Search not counted: no free entry number")
    except Exception:
        # A cache outage must not break search.
        logger.debug("Search not counted: the cache failed", exc_info=True)


def get_many(keys):
    found = {}
    for start in range(0, len(keys), CHUNK):
        found.update(counters.get_many(keys[start : start + CHUNK]))
    return found


def read_minute(minute, last):
    """{number: entry} in one minute's log, whose sequence reached `last`. Reads on while
    entries follow: on the database cache the sequence can fall behind (see `record`)."""
    entries, first = {}, 1
    while True:
        keys = {entry_key(minute, n): n for n in range(first, last + LOOKAHEAD + 1)}
        entries.update({keys[key]: entry for key, entry in get_many(list(keys)).items()})
        if max(entries, default=0) <= last:
            return entries
        first, last = last + LOOKAHEAD + 1, max(entries)


def flush(now=None):
    """Add the searches of the minutes finished since the last flush to SearchQueryCount,
    and delete counts older than 13 months.

    Returns {"entries": searches added, "queries": distinct queries among them, "lost":
    searches gone from the cache before this flush, "deleted": old rows, "busy": True when
    another flush is running and this one did nothing}.
    """
    now = now or timezone.now()
    summary = {"entries": 0, "queries": 0, "lost": 0, "deleted": 0, "busy": False}
    if not counters.add(LOCK_KEY, True, timeout=LOCK_TIMEOUT):
        return {**summary, "busy": True}
    try:
        last_minute = minute_of(now - GRACE) - 1
        first_minute = counters.get(FLUSHED_KEY, minute_of(now) - ENTRY_TIMEOUT // 60) + 1
        minutes = range(first_minute, last_minute + 1)
        sequences = get_many([sequence_key(minute) for minute in minutes])
        counts = defaultdict(lambda: [0, 0])  # (day, query) → [searches, without results]
        done_keys = list(sequences)
        for minute in minutes:
            last = sequences.get(sequence_key(minute))
            if last is None:
                continue
            entries = read_minute(minute, last)
            # Gaps: expired, or evicted by a cache short of room.
            summary["lost"] += max([last, *entries]) - len(entries)
            for number, (day, query, found) in entries.items():
                counts[(day, query)][0] += 1
                counts[(day, query)][1] += not found
                done_keys.append(entry_key(minute, number))
        with transaction.atomic():
            add_counts(counts)
            cutoff = timezone.localdate(now) - timedelta(days=KEEP_DAYS)
            summary["deleted"], _ = SearchQueryCount.objects.filter(day__lt=cutoff).delete()
            # Last, so that if the cache refuses it the counts roll back rather than being
            # counted twice (and on the database cache, it commits with them).
            counters.set(FLUSHED_KEY, max(last_minute, first_minute - 1), timeout=None)
        for start in range(0, len(done_keys), CHUNK):
            counters.delete_many(done_keys[start : start + CHUNK])
    finally:
        counters.delete(LOCK_KEY)
    summary["entries"] = sum(searches for searches, _ in counts.values())
    summary["queries"] = len({query for _day, query in counts})
    return summary


def add_counts(counts):
    """Add {(day, query): [searches, without results]} to SearchQueryCount."""
    by_day = defaultdict(list)
    for day, query in counts:
        by_day[day].append(query)
    existing = {}
    for day, queries in by_day.items():
        for start in range(0, len(queries), 500):
            rows = SearchQueryCount.objects.select_for_update().filter(
                day=day, query__in=queries[start : start + 500]
            )
            existing.update({(row.day.isoformat(), row.query): row for row in rows})
    new = []
    for (day, query), (searches, without_results) in counts.items():
        row = existing.get((day, query))
        if row is None:
            new.append(
                SearchQueryCount(
                    day=day, query=query, searches=searches, without_results=without_results
                )
            )
        else:
            row.searches += searches
            row.without_results += without_results
    SearchQueryCount.objects.bulk_create(new, batch_size=500)
    SearchQueryCount.objects.bulk_update(
        existing.values(), ["searches", "without_results"], batch_size=500
    )
