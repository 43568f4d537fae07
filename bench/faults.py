"""`make bench`, last part: the site under load and faults, on servers of its own.

On 127.0.0.1 only: a PostgreSQL cluster (initdb in a temporary folder), a Redis and gunicorn
(production settings, 4 sync workers), each on a spare port, with the demo content. 200
readers (an asyncio client, one connection per reader) load public URLs for 30 s per
scenario while newsletter signups and stories are posted: as they are, with Redis killed
and started again, and with PostgreSQL stopped and started again. Then every form that was
answered "thank you" is looked for in the database. Prints a summary and exits 1 when a
scenario fails. See bench/README.md; `--help` lists the options.
"""

import argparse
import asyncio
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import psycopg

# bench/servers.py, beside this file: the benchmark's settings, processes and manage.py runner.
from servers import (
    CACHE,
    GUNICORN,
    ROOT,
    Process,
    django_env,
    fail,
    free_port,
    log,
    manage,
    stop_on_term,
)

HOST = "127.0.0.1"
# Public URLs of the demo site: home, sections, condition pages, a product guide, search,
# the A–Z, What's New, the site's feeds and a section's.
URLS = [
    "/",
    "/back-pain-types/",
    "/specific-back-pain/",
    "/back-pain-overview/",
    "/back-pain-overview/tell-your-story/",
    "/back-pain-products/",
    "/specific-back-pain/sciatica/",
    "/specific-back-pain/spinal-stenosis/",
    "/back-pain-types/muscle-spasms/",
    "/back-pain-products/mattresses/",
    "/search/?q=back+pain",
    "/search/?q=sciatica",
    "/search/?q=mattress",
    "/a-z/",
    "/whats-new/",
    "/feed/",
    "/feed/atom/",
    "/feed/json/",
    "/back-pain-types/feed/",
]
NEWSLETTER = "/newsletter/"
STORIES = "/back-pain-overview/tell-your-story/"
# What a reader sees: the thank-you, or a page that says the form was not taken.
THANKS = {"newsletter": b"Check your inbox", "story": b"Thank you for sharing your story"}
TOLD = [
    b"Sorry, something went wrong",  # 500.html
    b"Please wait a little",  # too_many.html (429)
    b"Sorry, we could not accept that form",  # form_refused.html (403)
    b'role="alert"',  # the form again with its error, e.g. the e-mail could not be sent
    b'class="form__error"',  # the form again with a field's error
]


def as_postgres():
    """initdb and the server refuse to run as root: as root, run them as `postgres`."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def postgres_bin():
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts)
    if not versions:
        fail("PostgreSQL's server programs are missing: apt-get install -y postgresql")
    return versions[-1].parent


class Postgres:
    """A PostgreSQL cluster of our own in the temporary folder; the shared one is left alone."""

    def __init__(self, workdir):
        self.bindir = postgres_bin()
        self.folder = workdir / "postgres"
        self.folder.mkdir()
        self.data = self.folder / "data"
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.url = f"postgres://postgres@{HOST}:{self.port}/healthsite"

    def run(self, program, *arguments, check=True):
        result = subprocess.run(
            [*as_postgres(), str(self.bindir / program), *arguments],
            capture_output=True,
            text=True,
            check=False,
            cwd=self.folder,
        )
        if check and result.returncode:
            fail(f"{program} {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def start(self):
        options = f"-p {self.port} -c listen_addresses={HOST} -k {self.folder}"
        self.run(
            "pg_ctl",
            *("-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-t", "60"),
            *("-o", options, "start"),
        )

    def stop(self, mode="fast"):
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)


class Redis(Process):
    """Redis of our own, in memory only, on a port that stays the same across restarts."""

    def __init__(self, workdir, port):
        self.port = port
        command = [
            *("redis-server", "--port", str(port), "--bind", HOST),
            *("--save", "", "--appendonly", "no", "--dir", str(workdir)),
        ]
        super().__init__("redis-server", command, workdir / "redis.log")
        self.wait_for_port(port)


# The client -------------------------------------------------------------------------------


@dataclass
class Answer:
    started: float  # seconds since the scenario began
    seconds: float
    path: str
    status: int | None = None
    error: str = ""
    body: bytes = b""

    @property
    def failed(self):
        return self.status is None or not 200 <= self.status < 400


async def request(port, path, method="GET", form=None, headers=None, timeout=30.0, t0=0.0):
    """One request on a connection of its own (gunicorn's sync workers close it after each
    answer, as they do for browsers), as a TLS-terminating proxy would pass it on."""
    started = time.monotonic()
    body = urlencode(form).encode() if form else b""
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: {HOST}:{port}",
        "X-Forwarded-Proto: https",
        "Connection: close",
        *(f"{name}: {value}" for name, value in (headers or {}).items()),
    ]
    if form is not None:
        lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
    answer = Answer(started - t0, 0.0, path)
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
            await writer.drain()
            data = await reader.read()
        head, _, answer.body = data.partition(b"\r\n\r\n")
        match = re.match(rb"HTTP/1\.[01] (\d{3})", head)
        if match:
            answer.status = int(match.group(1))
        else:
            answer.error = "no HTTP answer"
    except TimeoutError:
        answer.error = "timeout"
    except OSError as error:
        answer.error = type(error).__name__
    finally:
        if writer is not None:
            writer.close()
    answer.seconds = time.monotonic() - started
    return answer


def hidden_fields(html, prefix=""):
    """The signed hidden fields of a form on a page, as the reader's browser would send them."""
    fields = {}
    for name in ("form_started", "wording", "source"):
        match = re.search(rf'name="{prefix}{name}" value="([^"]*)"', html)
        if match:
            fields[prefix + name] = match.group(1).replace("&quot;", '"').replace("&amp;", "&")
    if prefix + "form_started" not in fields:
        fail(f"no {prefix}form_started field found on the form's page")
    return fields


@dataclass
class Submission:
    kind: str  # newsletter or story
    ident: str
    answer: Answer | None = None

    @property
    def outcome(self):
        """thanked, told (an error page or message), or unclear (a silent failure)."""
        answer = self.answer
        if answer.status == 200 and THANKS[self.kind] in answer.body:
            return "thanked"
        if answer.status is not None and any(words in answer.body for words in TOLD):
            return "told"
        return "unclear"


class Run:
    """Readers and form posts against the site while a scenario's faults happen."""

    def __init__(self, port, args, forms):
        self.port, self.args, self.forms = port, args, forms
        self.answers, self.submissions = [], []
        self.seconds = self.client_cpu = 0.0
        self.t0 = 0.0

    async def readers(self, until, number):
        urls = URLS[number % len(URLS) :] + URLS[: number % len(URLS)]
        count = 0
        while time.monotonic() < until:
            answer = await request(self.port, urls[count % len(urls)], t0=self.t0)
            answer.body = b""  # not kept: the status is what counts
            self.answers.append(answer)
            count += 1
            if answer.status is None:
                await asyncio.sleep(0.1)  # no server to ask: do not spin

    async def submit(self, kind, scenario, until):
        number = 0
        while time.monotonic() < until:
            ident = f"{scenario}-{kind}-{number}-{secrets.token_hex(3)}"
            # Each post from another reader's address, as the proxy in front reports it
            # (production trusts one proxy's X-Forwarded-For): one reader, a few posts an hour.
            address = (
                f"10.{scenario}.{number // 200}.{number % 200 + (1 if kind == 'story' else 51)}"
            )
            if kind == "newsletter":
                path = NEWSLETTER
                form = {
                    **self.forms["newsletter"],
                    "newsletter-email": f"faults-{ident}@example.com",
                    "newsletter-first_name": "Sam",
                    "newsletter-website": "",
                }
            else:
                path = STORIES
                form = {
                    **self.forms["story"],
                    "title": f"Faults test {ident}",
                    "story": "Walking every day and the exercises from my physiotherapist "
                    "helped my back more than resting did.",
                    "teller": "S. K.",
                    "email": "",
                    "consent": "on",
                    "website": "",
                }
            headers = {"Origin": f"https://{HOST}:{self.port}", "X-Forwarded-For": address}
            submission = Submission(kind, ident)
            submission.answer = await request(
                self.port, path, "POST", form, headers, timeout=30.0, t0=self.t0
            )
            self.submissions.append(submission)
            number += 1
            await asyncio.sleep(self.args.form_interval)

    async def go(self, scenario, faults=()):
        """Readers and posts for the scenario's duration; `faults` are (at seconds, name,
        coroutine function) run meanwhile. Returns {name: seconds since start when done}."""
        self.t0 = time.monotonic()
        cpu_before = time.process_time()
        until = self.t0 + self.args.duration
        tasks = [
            asyncio.create_task(self.readers(until, number)) for number in range(self.args.readers)
        ]
        tasks += [asyncio.create_task(self.submit(kind, scenario, until)) for kind in THANKS]
        done = {}
        for at, name, action in faults:
            await asyncio.sleep(max(0.0, self.t0 + at - time.monotonic()))
            done[f"{name} began"] = time.monotonic() - self.t0
            await action()
            done[name] = time.monotonic() - self.t0
            log(f"  {done[name]:5.1f} s: {name}")
        await asyncio.gather(*tasks)
        self.seconds = time.monotonic() - self.t0
        self.client_cpu = time.process_time() - cpu_before
        return done


def errors_by_kind(answers):
    kinds = {}
    for answer in answers:
        if answer.failed:
            key = answer.error or f"HTTP {answer.status}"
            kinds[key] = kinds.get(key, 0) + 1
    return ", ".join(f"{count} × {kind}" for kind, count in sorted(kinds.items())) or "none"


def latency(answers):
    times = sorted(answer.seconds for answer in answers)
    if not times:
        return "no answers"
    p = lambda share: times[min(len(times) - 1, int(share * len(times)))]  # noqa: E731
    return f"p50 {p(0.5) * 1000:,.0f} ms, p95 {p(0.95) * 1000:,.0f} ms, max {times[-1]:.1f} s"


def report_readers(run):
    answers = run.answers
    errors = sum(answer.failed for answer in answers)
    log(
        f"  readers: {len(answers):,} requests ({len(answers) / run.seconds:,.0f}/s), "
        f"{errors:,} errors ({errors_by_kind(answers)}); {latency(answers)}; the client "
        f"used {run.client_cpu / run.seconds:.0%} of a core"
    )
    return errors


# The scenarios ----------------------------------------------------------------------------


class Faults:
    def __init__(self, args, workdir, postgres, redis_port, gunicorn, forms):
        self.args, self.workdir, self.postgres = args, workdir, postgres
        self.redis_port, self.gunicorn, self.forms = redis_port, gunicorn, forms
        self.redis = None
        self.results = []  # (scenario, passed, detail)
        self.submissions = {}  # scenario name: [Submission]
        self.log_read = 0  # how far server_log() has read gunicorn's log

    def verdict(self, name, passed, detail):
        self.results.append((name, passed, detail))
        log(f"  {'PASS' if passed else 'FAIL'}: {detail}")

    def new_run(self):
        return Run(self.gunicorn.port, self.args, self.forms)

    def server_log(self):
        """What gunicorn logged since the last call: 500s (Django logs each one) and workers
        killed for taking too long."""
        with open(self.gunicorn.logfile, "rb") as logfile:
            logfile.seek(self.log_read)
            text = logfile.read().decode(errors="replace")
            self.log_read = logfile.tell()
        errors = text.count("Internal Server Error")
        timeouts = text.count("WORKER TIMEOUT")
        log(f"  gunicorn logged {errors} server errors (500), {timeouts} worker timeouts")
        return errors + timeouts

    async def readers(self):
        log(f"1. {self.args.readers} readers for {self.args.duration} s, no faults")
        run = self.new_run()
        await run.go(1)
        errors = report_readers(run)
        logged = self.server_log()
        self.submissions["1. no faults"] = run.submissions
        self.verdict(
            "1. readers", errors == logged == 0, f"{len(run.answers):,} requests, {errors} errors"
        )

    async def redis_outage(self):
        log(
            f"2. Redis killed at {self.args.fault_at} s and started again (empty) at "
            f"{self.args.fault_at + self.args.redis_down} s"
        )

        async def kill():
            self.redis.popen.kill()
            self.redis.popen.wait()

        async def start():
            self.redis = await asyncio.to_thread(Redis, self.workdir, self.redis_port)

        run = self.new_run()
        times = await run.go(
            2,
            [
                (self.args.fault_at, "Redis killed", kill),
                (self.args.fault_at + self.args.redis_down, "Redis started", start),
            ],
        )
        errors = report_readers(run)
        down_from, up_at = times["Redis killed began"], times["Redis started"]
        during = [
            a for a in run.answers if a.started + a.seconds >= down_from and a.started < up_at
        ]
        log(
            f"  while Redis was down: {len(during):,} requests, "
            f"{sum(a.failed for a in during)} errors; {latency(during)}"
        )
        logged = self.server_log()
        self.submissions["2. Redis down"] = run.submissions
        self.verdict(
            "2. Redis outage",
            errors == logged == 0 and len(during) > 0,
            f"{len(run.answers):,} requests ({len(during):,} while Redis was down: "
            f"{latency(during)}), {errors} errors",
        )

    async def postgres_restart(self):
        log(
            f"3. PostgreSQL stopped at {self.args.fault_at} s (pg_ctl stop -m fast), started "
            f"again {self.args.postgres_down} s later"
        )

        async def stop():
            await asyncio.to_thread(self.postgres.stop)

        async def start():
            await asyncio.to_thread(self.postgres.start)

        run = self.new_run()
        times = await run.go(
            3,
            [
                (self.args.fault_at, "PostgreSQL stopped", stop),
                (self.args.fault_at + self.args.postgres_down, "PostgreSQL started", start),
            ],
        )
        report_readers(run)
        down_from, up_at = times["PostgreSQL stopped began"], times["PostgreSQL started"]
        # Answered before the stop began; sent once it was back; the rest overlapped the outage.
        windows = {
            "before": [a for a in run.answers if a.started + a.seconds < down_from],
            "down": [
                a for a in run.answers if a.started + a.seconds >= down_from and a.started < up_at
            ],
            "after": [a for a in run.answers if a.started >= up_at],
        }
        last = [a for a in run.answers if a.started >= self.args.duration - 10]
        for name, label in [
            ("before", "answered before the stop"),
            ("down", f"during the outage ({down_from:.1f}–{up_at:.1f} s)"),
            ("after", "sent after it was back"),
        ]:
            answers = windows[name]
            log(
                f"  {label}: {len(answers):,} requests, {sum(a.failed for a in answers):,} "
                f"errors ({errors_by_kind(answers)})"
            )
        self.server_log()
        last_errors = sum(a.failed for a in last)
        log(f"  last 10 s: {len(last):,} requests, {last_errors} errors")
        before = sum(a.failed for a in windows["before"])
        after = sum(a.failed for a in windows["after"])
        self.submissions["3. PostgreSQL restart"] = run.submissions
        self.verdict(
            "3. PostgreSQL restart",
            before == 0 and after == 0 and last_errors == 0 and len(windows["after"]) > 0,
            f"{sum(a.failed for a in windows['down']):,} errors during the outage, {after} "
            f"after it was back ({len(windows['after']):,} requests), {before} before",
        )

    async def quiet_postgres_restart(self):
        """A restart nobody noticed: each worker keeps its connection (CONN_MAX_AGE) and saw no
        error meanwhile, so only a check before reuse spares its next reader a 500."""
        log("3b. PostgreSQL restarted while the site is idle, then searches (uncached)")
        batch = 4 * self.args.workers

        async def searches(label):
            answers = await asyncio.gather(
                *(
                    request(self.gunicorn.port, f"/search/?q=back+{label}+{number}")
                    for number in range(batch)
                )
            )
            return sum(answer.failed for answer in answers)

        before = await searches("before")  # every worker now holds a connection
        await asyncio.to_thread(self.postgres.stop)
        await asyncio.to_thread(self.postgres.start)
        after = await searches("after")
        self.verdict(
            "3b. quiet PostgreSQL restart",
            before == 0 and after == 0,
            f"{batch} searches at once after the restart, {after} errors ({before} before)",
        )

    def forms_kept(self):
        log("4. Forms: is every post answered 'thank you' in the database?")
        with psycopg.connect(self.postgres.url) as conn:
            emails = {
                row[0].casefold()
                for row in conn.execute(
                    "SELECT email FROM newsletter_subscriber WHERE email LIKE 'faults-%%'"
                )
            }
            titles = {
                row[0]
                for row in conn.execute(
                    "SELECT title FROM stories_storysubmission WHERE title LIKE 'Faults test %%'"
                )
            }

        def stored(submission):
            if submission.kind == "newsletter":
                return f"faults-{submission.ident}@example.com" in emails
            return f"Faults test {submission.ident}" in titles

        lost = unclear = 0
        for scenario, submissions in self.submissions.items():
            counts = {}
            for submission in submissions:
                outcome = submission.outcome
                kept = stored(submission)
                counts[outcome] = counts.get(outcome, 0) + 1
                if outcome == "thanked" and not kept:
                    lost += 1
                    counts["LOST"] = counts.get("LOST", 0) + 1
                if outcome == "told" and kept:
                    counts["told but kept"] = counts.get("told but kept", 0) + 1
                    log(
                        f"    told of an error but kept: {submission.kind} at "
                        f"{submission.answer.started:.1f} s, HTTP {submission.answer.status}"
                    )
                if outcome == "unclear":
                    unclear += 1
                    answer = submission.answer
                    log(
                        f"    unclear answer: {submission.kind} at {answer.started:.1f} s: "
                        f"{answer.status or answer.error} {answer.body[:200]!r}"
                    )
            by_kind = {kind: sum(1 for s in submissions if s.kind == kind) for kind in THANKS}
            detail = ", ".join(f"{count} {name}" for name, count in counts.items())
            log(
                f"  {scenario}: {len(submissions)} posts ({by_kind['newsletter']} signups, "
                f"{by_kind['story']} stories): {detail}"
            )
        total = sum(len(s) for s in self.submissions.values())
        thanked = sum(s.outcome == "thanked" for x in self.submissions.values() for s in x)
        told = sum(s.outcome == "told" for x in self.submissions.values() for s in x)
        self.verdict(
            "4. no form lost",
            lost == 0 and unclear == 0 and thanked > 0,
            f"{total} posts: {thanked} thanked ({lost} of them missing from the database), "
            f"{told} told of an error, {unclear} unclear",
        )


def start_site(args, workdir, stack):
    postgres = Postgres(workdir)
    postgres.start()
    stack.callback(postgres.stop, "immediate")
    log(f"PostgreSQL {postgres.bindir.parent.name} on port {postgres.port} ({postgres.data})")
    with psycopg.connect(postgres.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE healthsite")
    redis_port = free_port()
    env = django_env(postgres.url, f"redis://{HOST}:{redis_port}/0", workdir / "media")
    # E-mails (confirmations, editors' notices) stay in each worker's memory: nothing to send.
    env["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    started = time.monotonic()
    manage(["migrate", "--no-input"], env)
    log(f"migrate: {time.monotonic() - started:.0f} s; load_demo_content…")
    started = time.monotonic()
    manage(["load_demo_content"], env)
    log(f"load_demo_content: {time.monotonic() - started:.0f} s; collectstatic…")
    manage(["collectstatic", "--no-input"], env)
    return postgres, redis_port, env


def main():
    signal.signal(signal.SIGTERM, stop_on_term)
    parser = argparse.ArgumentParser(
        description="healthsite under load and faults (bench/README.md)."
    )
    parser.add_argument("--readers", type=int, default=200, help="Concurrent readers (200).")
    parser.add_argument("--duration", type=int, default=30, help="Seconds per scenario (30).")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (4).")
    parser.add_argument("--fault-at", type=int, default=5, help="Second of the fault (5).")
    parser.add_argument("--redis-down", type=int, default=15, help="Seconds without Redis (15).")
    parser.add_argument(
        "--postgres-down", type=int, default=7, help="Seconds without PostgreSQL (7)."
    )
    parser.add_argument(
        "--form-interval", type=float, default=0.5, help="Seconds between posts per form (0.5)."
    )
    args = parser.parse_args()
    if args.duration < args.fault_at + max(args.redis_down, args.postgres_down) + 10:
        parser.error("--duration must leave 10 s after the faults")
    if not shutil.which("redis-server"):
        fail("redis-server is missing: apt-get install -y redis-server (make bench does it)")
    log(
        f"faults: {args.readers} readers, {args.duration} s per scenario, gunicorn "
        f"{args.workers} sync workers; PostgreSQL, Redis and gunicorn of its own on 127.0.0.1; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    CACHE.mkdir(exist_ok=True)
    try:
        failed = run_all(args)
    except KeyboardInterrupt:
        print("\nfaults: interrupted; its servers are stopped and its folder removed.")
        sys.exit(130)
    sys.exit(1 if failed else 0)


def run_all(args):
    """Starts the servers, runs the scenarios, stops the servers (however it ends)."""
    with ExitStack() as stack:
        workdir = Path(
            stack.enter_context(tempfile.TemporaryDirectory(prefix="healthsite-faults-"))
        )
        workdir.chmod(0o755)  # PostgreSQL's own user reaches its folder inside
        postgres, redis_port, env = start_site(args, workdir, stack)
        faults = Faults(args, workdir, postgres, redis_port, None, {})
        faults.redis = Redis(workdir, redis_port)
        stack.callback(lambda: faults.redis.stop())  # the Redis running at the end
        port = free_port()
        command = [
            *(str(GUNICORN), "healthsite.wsgi", "--bind", f"{HOST}:{port}"),
            *("--workers", str(args.workers), "--worker-class", "sync", "--timeout", "30"),
            *("--backlog", "2048", "--chdir", str(ROOT), "--no-control-socket"),
        ]
        faults.gunicorn = Process("gunicorn", command, workdir / "gunicorn.log", env=env, cwd=ROOT)
        faults.gunicorn.port = port
        stack.callback(faults.gunicorn.stop)
        faults.gunicorn.wait_for_port(port)
        return asyncio.run(stoppable(scenarios(faults)))


async def stoppable(coroutine):
    """Runs `coroutine`; SIGTERM cancels it, as Ctrl-C does, and the servers are stopped."""
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, asyncio.current_task().cancel)
    try:
        return await coroutine
    except asyncio.CancelledError:
        raise KeyboardInterrupt from None


async def scenarios(faults):
    port = faults.gunicorn.port
    log(f"gunicorn on port {port}; warming the page cache")
    for path in [*URLS, NEWSLETTER, STORIES]:
        for _ in range(2):
            answer = await request(port, path, timeout=60)
        if answer.status != 200:
            status = answer.status or answer.error
            fail(f"GET {path} answered {status}:\n{faults.gunicorn.log_tail()}")
    newsletter = (await request(port, NEWSLETTER)).body.decode()
    story = (await request(port, STORIES)).body.decode()
    faults.forms.update(
        newsletter=hidden_fields(newsletter, "newsletter-"), story=hidden_fields(story)
    )
    await asyncio.sleep(3)  # a form sent faster than a person could is refused
    await faults.readers()
    await faults.redis_outage()
    await faults.postgres_restart()
    await faults.quiet_postgres_restart()
    faults.forms_kept()
    print()
    print("Summary (under load and faults)")
    for name, passed, detail in faults.results:
        print(f"  {'✓' if passed else '✗'} {name:<29} {detail}")
    failed = not all(passed for _, passed, _ in faults.results)
    met = sum(passed for _, passed, _ in faults.results)
    print(
        f"\n{met} of {len(faults.results)} passed{' · FAILED' if failed else ''} · load average "
        f"{os.getloadavg()[0]:.1f} (the figures depend on what else runs on the machine)"
    )
    return failed


if __name__ == "__main__":
    main()
