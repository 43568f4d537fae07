"""`make bench`: the site's speed at 1,000 and 10,000 pages, against static-file yardsticks.

Per size, a PostgreSQL database built with the generator (kept for the next run). Then in
phases, every size served at once and loaded in turns: gunicorn on core 0 with the page cache
bypassed (cold), then serving from it (warm, with the condition page's HTML as a static file
through whitenoise),
then Varnish (deploy/varnish/default.vcl) in front of the warm gunicorn alongside nginx serving
the static file; wrk on core 1, median of 3 rounds; then 50 fixed search queries one after
another. Writes bench/results/bench-<date>.json and .png, and latest.json/.png. See
bench/README.md; `--help` lists the options.
"""

import argparse
import http.client
import json
import math
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from datetime import datetime
from functools import partial
from pathlib import Path
from urllib.parse import quote_plus

import psycopg

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CACHE = BENCH / ".cache"  # kept between runs: collected static files, media per database
RESULTS = BENCH / "results"
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
PAGES = ["home", "section", "condition", "product", "feed"]  # search is not a page
URLS = ["home", "section", "condition", "product", "search", "feed"]
LABELS = {
    "home": "home",
    "section": "section",
    "condition": "condition page",
    "product": "product guide",
    "search": "search",
    "feed": "feed",
}
TARGETS = {
    "warm_to_whitenoise": 0.50,
    "varnish_to_nginx": 0.50,
    "cold_condition_cpu_ms": 25.0,
    "search_p95_ms": 50.0,
    "worker_rss_mb": 200.0,
    "scale_slowdown": 0.20,
}
STARTED = time.monotonic()
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
MINIMAL_VCL = """vcl 4.1;
# Varnish's built-in rules: in front of nginx, what Varnish alone reaches on this machine; in
# front of the site, a stand-in while deploy/varnish/default.vcl does not exist.
backend default { .host = "127.0.0.1"; .port = "8000"; }
"""


def log(message):
    elapsed = int(time.monotonic() - STARTED)
    print(f"[{elapsed // 60:2d}:{elapsed % 60:02d}] {message}", flush=True)


def fail(message):
    print(f"\nmake bench: {message}", file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, share):
    """Nearest-rank percentile of `values` (share 0.5 for the median)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


# Processes --------------------------------------------------------------------------------


class Process:
    """A server this script starts, stops (by its own id) and whose log it keeps."""

    def __init__(self, name, command, logfile, env=None, cwd=None):
        self.name = name
        self.logfile = logfile
        with open(logfile, "ab") as out:
            self.popen = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd
            )
        self.pid = self.popen.pid

    def alive(self):
        return self.popen.poll() is None

    def log_tail(self, lines=25):
        text = Path(self.logfile).read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def wait_for_port(self, port, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                fail(f"{self.name} stopped while starting:\n{self.log_tail()}")
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.2)
        fail(f"{self.name} did not listen on port {port} within {timeout} s:\n{self.log_tail()}")

    def stop(self, sig=signal.SIGTERM):
        if self.alive():
            self.popen.send_signal(sig)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


def children(pid, including=False):
    """Ids of the processes whose parent is `pid` (gunicorn's workers, Varnish's child), and
    `pid` itself when `including`."""
    found = [pid] if including else []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def cpu_seconds(pids):
    """User + system CPU time of these processes (from /proc/<pid>/stat)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / CLOCK_TICKS


def peak_rss_mb(pid):
    """The process's peak resident set size (VmHWM), in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def get(port, path, timeout=60):
    """One GET as wrk sends it (behind a TLS-terminating proxy); returns (status, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# The databases -----------------------------------------------------------------------------


class Databases:
    """PostgreSQL databases healthsite_bench_<pages>, built once and reused; nothing else in
    the server is touched."""

    def __init__(self, server_url, redis_url, rebuild):
        self.server_url = server_url.rstrip("/")
        self.redis_url = redis_url
        self.rebuild = rebuild

    @staticmethod
    def name(size):
        return f"healthsite_bench_{size}"

    def url(self, size):
        return f"{self.server_url}/{self.name(size)}"

    def admin(self):
        try:
            return psycopg.connect(f"{self.server_url}/postgres", autocommit=True)
        except psycopg.OperationalError as error:
            fail(f"cannot reach PostgreSQL at {self.server_url} ({error}); set BENCH_POSTGRES.")

    def generated_pages(self, size):
        """How many generated pages the database holds; None when it does not exist."""
        with self.admin() as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [self.name(size)]
            ).fetchone()
        if not exists:
            return None
        with psycopg.connect(self.url(size)) as conn:
            try:
                return conn.execute(
                    "SELECT count(*) FROM wagtailcore_page p JOIN auth_user u"
                    " ON p.owner_id = u.id WHERE u.username = 'content-generator'"
                ).fetchone()[0]
            except psycopg.errors.UndefinedTable:
                return 0

    def sql(self, statement, database="postgres"):
        url = f"{self.server_url}/{database}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(statement)

    def media(self, size):
        return CACHE / "media" / self.name(size)

    def env(self, size, redis_db=0):
        return django_env(self.url(size), f"{self.redis_url}/{redis_db}", self.media(size))

    def ensure(self, sizes):
        """Each size ready: reused when it holds exactly its generated pages, else built (from
        the next smaller one when that is ready)."""
        ready = []
        for size in sorted(sizes):
            count = self.generated_pages(size)
            if count == size and not self.rebuild:
                log(f"{self.name(size)}: reused ({size:,} generated pages); migrating if needed")
                manage(["migrate", "--no-input"], self.env(size))
            else:
                if count is not None:
                    log(f"{self.name(size)}: {count:,} generated pages, not {size:,}: rebuilding")
                    self.sql(f'DROP DATABASE "{self.name(size)}" WITH (FORCE)')
                shutil.rmtree(self.media(size), ignore_errors=True)
                smaller = max(ready, default=None)
                if smaller:
                    self.build_from(size, smaller)
                else:
                    self.build(size)
            # Fresh statistics and no dead rows (a migration may rewrite a table), as
            # autovacuum keeps a live database.
            log(f"{self.name(size)}: VACUUM ANALYZE")
            self.sql("VACUUM (ANALYZE)", self.name(size))
            ready.append(size)

    def build(self, size):
        started = time.monotonic()
        log(f"{self.name(size)}: creating (migrate, load_demo_content, generate {size:,})")
        self.sql(f'CREATE DATABASE "{self.name(size)}"')
        env = self.env(size)
        manage(["migrate", "--no-input"], env)
        log("  load_demo_content…")
        manage(["load_demo_content"], env)
        generate(size, 2026, env)
        log(f"{self.name(size)}: built in {time.monotonic() - started:.0f} s")

    def build_from(self, size, smaller):
        started = time.monotonic()
        log(
            f"{self.name(size)}: copying {self.name(smaller)}, then generating the other "
            f"{size - smaller:,} pages"
        )
        self.sql(f'CREATE DATABASE "{self.name(size)}" TEMPLATE "{self.name(smaller)}"')
        if self.media(smaller).exists():
            shutil.copytree(self.media(smaller), self.media(size))
        env = self.env(size)
        manage(["migrate", "--no-input"], env)
        generate(size - smaller, 2026 + size, env)
        log(f"{self.name(size)}: built in {time.monotonic() - started:.0f} s")


def django_env(database_url, redis_url, media_root):
    env = dict(os.environ)
    env.pop("PAGE_CACHE_SECONDS", None)  # warm: the application's default lifetime
    env.pop("VARNISH_URL", None)  # no purges to send: nothing is published during the run
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        MEDIA_ROOT=str(media_root),
        BENCH_STATIC_ROOT=str(CACHE / "static"),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(arguments, env, echo=None):
    """Runs manage.py; prints the lines `echo` accepts, and the end of the output on failure."""
    command = [str(PYTHON), "manage.py", *arguments]
    lines = []
    with subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        try:
            for line in process.stdout:
                lines.append(line.rstrip())
                if echo and echo(line):
                    log(f"  {line.strip()}")
        except BaseException:  # interrupted: stop the command too
            process.kill()
            raise
    if process.returncode:
        tail = "\n".join(lines[-30:])
        fail(f"`manage.py {' '.join(arguments)}` failed:\n{tail}")
    return lines


def generate(count, seed, env):
    log(f"  generate_content --pages {count:,}…")
    jobs = str(min(4, len(os.sched_getaffinity(0))))  # processes side by side
    manage(
        ["generate_content", "--pages", str(count), "--seed", str(seed), "--jobs", jobs],
        env,
        echo=lambda line: line.strip().endswith(" pages"),
    )


def probe(env, save_condition=None, cold=False):
    """bench/probe.py in the given environment: URLs, SQL queries per URL, sizes, timings."""
    command = [str(PYTHON), str(BENCH / "probe.py"), *(["--cold"] if cold else [])]
    if save_condition:
        command += ["--save-condition", str(save_condition)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        fail(f"bench/probe.py failed:\n{result.stderr[-3000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    bad = {name: status for name, status in data["status"].items() if status != 200}
    if bad:
        fail(f"these URLs do not answer 200: {bad} ({data['urls']})")
    return data


# Servers ---------------------------------------------------------------------------------


class Redis(Process):
    """Our own Redis on a spare port, in memory only: the shared one is left alone."""

    def __init__(self, workdir):
        self.port = free_port()
        command = f"redis-server --port {self.port} --bind 127.0.0.1 --appendonly no".split()
        command += ["--save", "", "--dir", str(workdir)]
        super().__init__("redis-server", command, workdir / "redis.log")
        self.wait_for_port(self.port)
        self.url = f"redis://127.0.0.1:{self.port}"

    def flush(self, db):
        import redis

        redis.Redis(port=self.port, db=db).flushdb()


class Gunicorn(Process):
    def __init__(self, name, env, workdir, args, quiet_path):
        self.port = free_port()
        self.worker_count = args.workers
        self.quiet_path = quiet_path  # a static file: answered without the database
        command = [
            *("taskset", "-c", args.server_cpu, str(GUNICORN), "healthsite.wsgi"),
            *f"--bind 127.0.0.1:{self.port} --workers {args.workers} --worker-class sync".split(),
            *("--timeout", "120", "--chdir", str(ROOT)),
            "--no-control-socket",  # its default path is shared by every gunicorn of the user
        ]
        super().__init__(name, command, workdir / f"{name}.log", env=env, cwd=ROOT)
        self.wait_for_port(self.port)
        deadline = time.monotonic() + 60
        while len(self.workers()) < args.workers and time.monotonic() < deadline:
            time.sleep(0.2)
        status, _ = get(self.port, "/")
        if status != 200:
            fail(f"{name}: GET / answered {status}:\n{self.log_tail()}")

    def workers(self):
        return children(self.pid)

    def peak_rss_mb(self):
        return max(filter(None, (peak_rss_mb(pid) for pid in self.workers())), default=None)


class Nginx(Process):
    def __init__(self, workdir, docroot, args):
        self.port = free_port()
        prefix = workdir / "nginx"
        prefix.mkdir(exist_ok=True)
        conf = (BENCH / "nginx.conf").read_text()
        for key, value in {
            "@PREFIX@": str(prefix),
            "@ROOT@": str(docroot),
            "@PORT@": str(self.port),
            "@USER@": "user root;" if os.geteuid() == 0 else "",
        }.items():
            conf = conf.replace(key, value)
        (prefix / "nginx.conf").write_text(conf)
        super().__init__(
            "nginx",
            ["taskset", "-c", args.server_cpu, "nginx", "-p", str(prefix), "-c", "nginx.conf"],
            workdir / "nginx.log",
        )
        self.wait_for_port(self.port)

    def stop(self, sig=signal.SIGQUIT):
        super().stop(sig)


class Varnish(Process):
    def __init__(self, workdir, backend_port, args, rules=None):
        self.port = free_port()
        self.workdir = workdir / f"varnish-{backend_port}"
        self.workdir.mkdir()
        source = rules or (VCL.read_text() if VCL.exists() else MINIMAL_VCL)
        vcl, replaced = re.subn(r'(\.port\s*=\s*")8000(")', rf"\g<1>{backend_port}\2", source)
        if not replaced:
            fail(f'{VCL}: no backend with .port = "8000" to point at the benchmark\'s gunicorn')
        (self.workdir / "default.vcl").write_text(vcl)
        command = [
            *("taskset", "-c", args.server_cpu, "varnishd", "-F", "-s", "malloc,256m"),
            *("-n", str(self.workdir / "work"), "-a", f"127.0.0.1:{self.port}"),
            *("-f", str(self.workdir / "default.vcl")),
            *(["-j", "none"] if os.geteuid() == 0 else []),  # root: no separate users
        ]
        super().__init__("varnishd", command, workdir / "varnish.log")
        self.wait_for_port(self.port)

    def processes(self):
        return children(self.pid, including=True)

    def counters(self):
        fields = ["-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss", "-f", "MAIN.s_pass"]
        command = ["varnishstat", "-n", str(self.workdir / "work"), "-1", "-j", *fields]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        try:
            counters = json.loads(result.stdout)
        except json.JSONDecodeError:
            return {}
        counters = counters.get("counters", counters)
        return {
            name.split(".")[-1]: value["value"]
            for name, value in counters.items()
            if isinstance(value, dict)
        }


# Measuring ---------------------------------------------------------------------------------


def wrk(port, path, duration, args, cold=False):
    command = [
        *("taskset", "-c", args.client_cpu, "wrk", "-t1", f"-c{args.connections}"),
        *(f"-d{duration}s", "--timeout", "10s", "-s", str(BENCH / "report.lua")),
        *("-H", "X-Forwarded-Proto: https", f"http://127.0.0.1:{port}{path}"),
    ]
    client_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "BENCH_COLD": "1"} if cold else None  # read by report.lua
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    client_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next((x for x in result.stdout.splitlines() if x.startswith("BENCH-JSON ")), None)
    if line is None:
        fail(f"wrk gave no result for {path}:\n{result.stdout}\n{result.stderr}")
    data = json.loads(line.removeprefix("BENCH-JSON "))
    seconds = data["duration_us"] / 1e6
    answered = data["requests"] > 0
    return {
        "rps": data["requests"] / seconds,
        "p50_ms": data["p50_us"] / 1000 if answered else None,
        "p95_ms": data["p95_us"] / 1000 if answered else None,
        "p99_ms": data["p99_us"] / 1000 if answered else None,
        "requests": data["requests"],
        "bytes_per_request": data["bytes"] / max(1, data["requests"]),
        "errors": sum(data["errors"].values()),
        # wrk's own CPU over the run: near 1.0, the client (not the server) sets the pace.
        "client_cpu_share": (
            client_after.ru_utime
            + client_after.ru_stime
            - client_before.ru_utime
            - client_before.ru_stime
        )
        / seconds,
    }


def drain(server, path):
    """Waits until the gunicorn has answered whatever wrk left queued (a sync worker still
    answers the connections wrk abandoned, which would spill into the next run): one request
    per worker, all at once, queue behind them; when every one is answered, so is the queue."""
    with ThreadPoolExecutor(max_workers=server.worker_count) as pool:
        answers = [pool.submit(get, server.port, path, 600) for _ in range(server.worker_count)]
        for answer in answers:
            answer.result()


class Target:
    """What one wrk run loads: a URL on a port, the processes whose CPU it costs, and
    optionally counters to read before and after (Varnish's hits)."""

    def __init__(self, label, port, path, processes, server, counters=None, cold=False):
        self.label, self.port, self.path = label, port, path
        self.processes, self.server, self.counters = processes, server, counters
        self.cold = cold

    def drain(self):
        """The gunicorn behind (directly or through Varnish) done with the last run."""
        if self.server:
            drain(self.server, self.server.quiet_path)


def load_rounds(targets, args):
    """A one-second warm-up of each target, then `args.runs` rounds in which every target is
    loaded once, in turn: pages, sizes and yardsticks of a phase thus share the machine's
    changing background load. Each figure is the median of a target's runs. CPU per request:
    the server processes' CPU time during the run over the requests it completed (a request
    cut off by the end of the run adds its CPU, not its count)."""
    for target in targets.values():
        wrk(target.port, target.path, 1, args, target.cold)
    runs = {key: [] for key in targets}
    for number in range(1, args.runs + 1):
        for key, target in targets.items():
            target.drain()
            pids = target.processes()
            before = cpu_seconds(pids)
            counted = target.counters() if target.counters else None
            run = wrk(target.port, target.path, args.duration, args, target.cold)
            spent = (cpu_seconds(pids) - before) * 1000
            run["cpu_ms"] = spent / run["requests"] if run["requests"] else None
            if target.counters:
                run.update(target.counters(counted))
            runs[key].append(run)
            flag = f", {run['errors']} errors" if run["errors"] else ""
            log(
                f"  round {number}/{args.runs} · {target.label}: {fmt_rps(run['rps'], 0)} req/s, "
                f"p50 {fmt(run['p50_ms'], '.1f')} ms, p99 {fmt(run['p99_ms'], '.1f')} ms, "
                f"CPU {fmt(run['cpu_ms'], '.1f')} ms/req{flag}"
            )
    for target in targets.values():
        target.drain()
    return {key: summary(key_runs) for key, key_runs in runs.items()}


def summary(runs):
    result = {}
    for key, value in runs[0].items():
        if isinstance(value, float) or value is None:
            values = [run[key] for run in runs if run[key] is not None]
            result[key] = statistics.median(values) if values else None
    result["requests"] = sum(run["requests"] for run in runs)
    result["errors"] = sum(run["errors"] for run in runs)
    result["runs"] = runs
    return result


def search_latency(port, queries, budget):
    """Each query once per round, one after another (no concurrency: the time one reader
    waits), up to three rounds while the budget lasts; p50/p95 over every answer. A query
    still unanswered when the budget runs out counts with the time waited so far."""
    samples, per_query = [], {query: [] for query in queries}
    deadline = time.monotonic() + budget
    rounds, stopped = 0, False
    while rounds < 3 and not stopped:
        for query in queries:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                stopped = True
                break
            started = time.perf_counter()
            try:
                status, _ = get(port, f"/search/?q={quote_plus(query)}", timeout=remaining)
            except OSError:  # timed out
                status, stopped = 200, True
            elapsed = (time.perf_counter() - started) * 1000
            if status != 200:
                fail(f"search for {query!r} answered {status}")
            samples.append(elapsed)
            per_query[query].append(elapsed)
            if stopped:
                break
        else:
            rounds += 1
            log(f"  search: round {rounds}: {len(samples)} answers so far")
    return {
        "p50_ms": percentile(samples, 0.50),
        "p95_ms": percentile(samples, 0.95),
        "max_ms": max(samples),
        "answers": len(samples),
        "rounds": rounds,
        "complete": rounds > 0,
        "slowest": sorted(
            ((statistics.median(times), query) for query, times in per_query.items() if times),
            reverse=True,
        )[:5],
    }


@contextmanager
def core(cpu):
    """Runs this process on one core for a while (the search client, like wrk)."""
    previous = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {int(cpu)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, previous)


def bench(databases, redis, workdir, args, queries):
    """Every measurement, phase by phase: cold gunicorns; warm gunicorns with the whitenoise
    file; Varnish in front of them with nginx; search latency. Each phase serves every site
    size at once."""
    results, envs = {}, {}
    for size in args.sizes:
        redis_db = 1 + args.sizes.index(size)  # one Redis database per site size
        redis.flush(redis_db)
        # Cold and warm: the same settings; cold requests bypass the page cache.
        envs[size] = {"warm": databases.env(size, redis_db)}
        envs[size]["cold"] = envs[size]["warm"]
        log(f"{size:,} pages: SQL queries per request (test client, second request per URL)…")
        cold = probe(envs[size]["cold"], save_condition=static_copy(size), cold=True)
        warm = probe(envs[size]["warm"])
        log(f"  {cold['pages']['live']:,} live pages; URLs {', '.join(cold['urls'].values())}")
        results[size] = {
            "database": databases.name(size),
            "pages": cold["pages"],
            "urls": {
                name: {
                    "path": cold["urls"][name],
                    "bytes": cold["bytes"][name],
                    "queries": {"cold": cold["queries"][name], "warm": warm["queries"][name]},
                    "one_request_ms": {
                        "cold": cold["seconds"][name] * 1000,
                        "warm": warm["seconds"][name] * 1000,
                    },
                    # On an empty cache: what a page costs after a change of the whole site.
                    "first_render": {
                        "queries": cold["first"][name]["queries"],
                        "ms": cold["first"][name]["seconds"] * 1000,
                    },
                }
                for name in URLS
            },
            "rss_mb": {},
        }
    # A URL whose single request is slower than this anywhere (any size, cold or warm) is
    # timed everywhere, not loaded: a run of `duration` seconds would not see half its queue
    # through (and one table where sizes and modes compare like with like).
    too_slow = 2 * args.duration * args.workers / args.connections
    slowest = {
        name: max(
            data["urls"][name]["one_request_ms"][mode]
            for data in results.values()
            for mode in ("cold", "warm")
        )
        / 1000
        for name in URLS
    }

    for mode in ("cold", "warm"):
        with ExitStack() as stack:
            servers = {}
            for size in args.sizes:
                static = f"/static/bench/{static_copy(size).name}"
                server = Gunicorn(
                    f"gunicorn-{size}-{mode}", envs[size][mode], workdir, args, static
                )
                stack.callback(server.stop, signal.SIGINT)  # quick: a slow search may run on
                servers[size] = server
            setting = "page cache bypassed" if mode == "cold" else "from the page cache"
            log(
                f"{mode}: gunicorn per size ({setting}), ports {[s.port for s in servers.values()]}"
            )
            targets = {}
            for name in URLS:
                for size, server in servers.items():
                    entry = results[size]["urls"][name]
                    label = f"{mode} {LABELS[name]} · {size:,}"
                    if slowest[name] > too_slow:
                        once = entry["one_request_ms"][mode] / 1000
                        log(
                            f"  {label}: one request takes {once:.1f} s (up to "
                            f"{slowest[name]:.1f} s): timed, not loaded"
                        )
                        entry[mode] = {"skipped": True}
                    else:
                        targets[name, size] = Target(
                            label,
                            server.port,
                            entry["path"],
                            server.workers,
                            server,
                            cold=mode == "cold",
                        )
            if mode == "warm":
                for size, server in servers.items():
                    path = f"/static/bench/{static_copy(size).name}"
                    label = f"whitenoise file · {size:,}"
                    targets["whitenoise", size] = Target(
                        label, server.port, path, server.workers, server
                    )
            for (name, size), result in load_rounds(targets, args).items():
                if name == "whitenoise":
                    result["bytes"] = static_copy(size).stat().st_size
                    results[size]["whitenoise"] = result
                else:
                    results[size]["urls"][name][mode] = result
            if mode == "warm":
                bench_proxies(servers, results, workdir, args)
                for size, server in servers.items():
                    log(f"search latency at {size:,} pages: {len(queries)} queries, one at a time…")
                    with core(args.client_cpu):
                        cpu_before = cpu_seconds(server.workers())
                        search = search_latency(server.port, queries, args.search_budget)
                        spent = (cpu_seconds(server.workers()) - cpu_before) * 1000
                        search["cpu_ms"] = spent / search["answers"]
                    results[size]["search"] = search
                    log(f"  p50 {search['p50_ms']:.0f} ms, p95 {search['p95_ms']:.0f} ms")
            for size, server in servers.items():
                results[size]["rss_mb"][mode] = server.peak_rss_mb()

    for data in results.values():
        for name in PAGES:
            entry = data["urls"][name]
            if "rps" in entry.get("warm", {}):
                entry["warm_to_whitenoise"] = paired(entry["warm"], data["whitenoise"])
            through = data["varnish"]["urls"].get(name, {})
            if "rps" in through:
                entry["varnish_to_nginx"] = paired(through, data["nginx"])
    return {str(size): data for size, data in results.items()}


def paired(measured, yardstick):
    """`measured`'s throughput as a share of `yardstick`'s: the median over the rounds of the
    share within each round, where both were loaded minutes apart at most. The host's speed
    drifts from round to round (by a quarter, on a VM); a share within a round cancels it."""
    shares = [
        ours["rps"] / theirs["rps"]
        for ours, theirs in zip(measured["runs"], yardstick["runs"], strict=True)
        if ours["rps"] and theirs["rps"]
    ]
    return statistics.median(shares) if shares else None


def static_copy(size):
    """Where the probe saves the condition page, as served by whitenoise and nginx."""
    return CACHE / "static" / "bench" / f"condition-{size}.html"


def varnish_hit_rate(varnish):
    def counters(before=None):
        now = varnish.counters()
        if before is None:
            return now
        done = {key: now.get(key, 0) - before.get(key, 0) for key in now}
        return {"hit_rate": done.get("cache_hit", 0) / (sum(done.values()) or 1)}

    return counters


def bench_proxies(servers, results, workdir, args):
    """The pages through Varnish in front of each size's warm gunicorn, in the same rounds as
    the static copy through nginx, and through a Varnish with the built-in rules in front of
    that nginx: how close to nginx Varnish itself comes on this machine, whatever the site.
    (Search passes through to gunicorn: measured above.)"""
    with ExitStack() as stack:
        proxies = {}
        for size, server in servers.items():
            proxies[size] = Varnish(workdir, server.port, args)
            stack.callback(proxies[size].stop)
        nginx = Nginx(workdir, static_copy(args.sizes[0]).parent, args)
        stack.callback(nginx.stop)
        bare = Varnish(workdir, nginx.port, args, rules=MINIMAL_VCL)
        stack.callback(bare.stop)
        rules = "deploy/varnish/default.vcl" if VCL.exists() else "built-in rules: no VCL yet"
        log(f"varnish per size in front of the warm gunicorns ({rules}); nginx")
        targets = {}
        for name in PAGES:
            for size, varnish in proxies.items():
                entry = results[size]["urls"][name]
                if entry["warm"].get("skipped"):
                    continue
                targets[name, size] = Target(
                    f"varnish {LABELS[name]} · {size:,}",
                    varnish.port,
                    entry["path"],
                    partial(processes_of, servers[size], varnish),
                    servers[size],
                    counters=varnish_hit_rate(varnish),
                )
        for size in args.sizes:
            targets["nginx", size] = Target(
                f"nginx file · {size:,}",
                nginx.port,
                f"/{static_copy(size).name}",
                partial(children, nginx.pid, including=True),
                None,
            )
            targets["bare varnish", size] = Target(
                f"varnish (built-in rules) over nginx file · {size:,}",
                bare.port,
                f"/{static_copy(size).name}",
                bare.processes,
                None,
                counters=varnish_hit_rate(bare),
            )
        vcl = str(VCL.relative_to(ROOT)) if VCL.exists() else None
        for size in args.sizes:
            results[size]["varnish"] = {"vcl": vcl, "urls": {}}
        for (name, size), result in load_rounds(targets, args).items():
            if name in ("nginx", "bare varnish"):
                results[size][name.replace(" ", "_")] = result
            else:
                results[size]["varnish"]["urls"][name] = result


def processes_of(server, varnish):
    return [*server.workers(), *varnish.processes()]


# Targets, table, chart ---------------------------------------------------------------------


def check_targets(sizes):
    largest = max(sizes, key=int)
    checks = []

    def add(name, met, value, detail):
        checks.append({"target": name, "met": met, "value": value, "detail": detail})

    ratios = [
        (data["urls"][page]["warm_to_whitenoise"], f"{LABELS[page]} at {int(size):,}")
        for size, data in sizes.items()
        for page in PAGES
        if data["urls"][page].get("warm_to_whitenoise") is not None
    ]
    worst = min(ratios, default=(0, "no page measured"))
    add(
        "warm pages ≥ 50 % of the whitenoise file",
        worst[0] >= TARGETS["warm_to_whitenoise"],
        worst[0],
        f"lowest: {worst[1]} {worst[0]:.1%}",
    )

    ratios = [
        (data["urls"][page]["varnish_to_nginx"], f"{LABELS[page]} at {int(size):,}")
        for size, data in sizes.items()
        for page in PAGES
        if data["urls"][page].get("varnish_to_nginx") is not None
    ]
    worst = min(ratios, default=(0, "no page measured"))
    # What Varnish reaches with nothing of the site's (bench_proxies): the ceiling here.
    bare = [
        share
        for data in sizes.values()
        if "bare_varnish" in data and (share := paired(data["bare_varnish"], data["nginx"]))
    ]
    add(
        "pages through Varnish ≥ 50 % of nginx",
        worst[0] >= TARGETS["varnish_to_nginx"],
        worst[0],
        f"lowest: {worst[1]} {worst[0]:.1%}"
        + (f" (Varnish alone: {min(bare):.0%}–{max(bare):.0%})" if bare else ""),
    )

    cpu = []
    for size, data in sizes.items():
        entry = data["urls"]["condition"]
        # Too slow to load: its time for one request stands in (CPU is at most that).
        spent = entry["cold"].get("cpu_ms") or entry["one_request_ms"]["cold"]
        cpu.append((spent, int(size)))
    most = max(cpu)
    add(
        "cold condition page ≤ 25 ms server CPU",
        most[0] <= TARGETS["cold_condition_cpu_ms"],
        most[0],
        f"highest: {most[0]:.1f} ms at {most[1]:,} pages",
    )

    search = sizes[largest]["search"]
    note = "" if search["complete"] else f" (only {search['answers']} answers within the budget)"
    add(
        f"search p95 ≤ 50 ms at {int(largest):,} pages",
        search["p95_ms"] <= TARGETS["search_p95_ms"] and search["complete"],
        search["p95_ms"],
        f"p95 {search['p95_ms']:.0f} ms{note}",
    )

    rss = max(mb for data in sizes.values() for mb in data["rss_mb"].values() if mb)
    add("worker RSS ≤ 200 MB", rss <= TARGETS["worker_rss_mb"], rss, f"peak {rss:.0f} MB")

    if len(sizes) > 1:
        smallest = min(sizes, key=int)
        changes = []
        for page in PAGES:
            for mode in ("cold", "warm"):
                small = sizes[smallest]["urls"][page].get(mode, {})
                large = sizes[largest]["urls"][page].get(mode, {})
                share = paired(large, small) if small.get("rps") and "rps" in large else None
                if share is not None:
                    changes.append((share - 1, f"{mode} {LABELS[page]}"))
                else:
                    changes.append((-1.0, f"{mode} {LABELS[page]} (too slow to load)"))
        worst = min(changes)
        add(
            f"pages at {int(largest):,} no more than 20 % slower than at {int(smallest):,}",
            worst[0] >= -TARGETS["scale_slowdown"],
            worst[0],
            f"worst: {worst[1]} {worst[0]:+.0%} req/s",
        )
    return checks


def fmt(value, spec, width=0):
    return f"{'–' if value is None else format(value, spec):>{width}}"


def fmt_rps(value, width):
    return fmt(value, ".1f" if value is not None and value < 10 else ",.0f", width)


def print_table(report):
    flagged = False
    print()
    config = report["config"]
    print(f"healthsite bench {report['date']} · git {report['git']}")
    print(
        f"gunicorn {config['workers']} sync workers on core {config['server_cpu']}; wrk -t1 "
        f"-c{config['connections']} -d{config['duration']}s on core {config['client_cpu']}; "
        f"median of {config['runs']} runs; requests carry X-Forwarded-Proto: https"
    )
    for size, data in report["sizes"].items():
        print(
            f"\n{int(size):,} generated pages ({data['pages']['live']:,} live) · "
            f"database {data['database']}"
        )
        head = (
            f"{'URL':<16}{'':1}{'cold req/s':>10}{'p50':>7}{'p99':>7}{'CPU':>6}{'SQL':>5} │"
            f"{'warm req/s':>10}{'p50':>7}{'p99':>7}{'CPU':>6}{'SQL':>5} │"
            f"{'÷wn':>5} │{'varnish':>8}{'hit':>5}{'÷nginx':>7}"
        )
        print(head)
        print(
            f"{'':17}{'':>10}{'ms':>7}{'ms':>7}{'ms':>6}{'':>5} │{'':>10}{'ms':>7}{'ms':>7}"
            f"{'ms':>6}"
        )
        for name in URLS:
            entry = data["urls"][name]
            cells = []
            for mode in ("cold", "warm"):
                run = entry.get(mode, {})
                if run.get("skipped"):
                    cells.append(
                        f"{'one request ' + format(entry['one_request_ms'][mode], ',.0f'):>24} ms"
                        f"{'':>3}{entry['queries'][mode]:>5}"
                    )
                    continue
                cells.append(
                    fmt_rps(run.get("rps"), 10)
                    + fmt(run.get("p50_ms"), ".1f", 7)
                    + fmt(run.get("p99_ms"), ".1f", 7)
                    + fmt(run.get("cpu_ms"), ".1f", 6)
                    + f"{entry['queries'][mode]:>5}"
                )
            through = data["varnish"]["urls"].get(name, {})
            runs = [entry.get("cold", {}), entry.get("warm", {}), through]
            errors = any(run.get("errors") for run in runs)
            flagged = flagged or errors
            print(
                f"{LABELS[name] + (' ⚠' if errors else ''):<17}"
                f"{cells[0]} │{cells[1]} │{fmt(entry.get('warm_to_whitenoise'), '.0%', 5)} │"
                f"{fmt(through.get('rps'), ',.0f', 8)}{fmt(through.get('hit_rate'), '.0%', 5)}"
                f"{fmt(entry.get('varnish_to_nginx'), '.0%', 7)}"
            )
        wn, ng, search = data["whitenoise"], data["nginx"], data["search"]
        print(
            f"static copy of the condition page ({wn['bytes'] / 1024:.0f} kB): whitenoise "
            f"{wn['rps']:,.0f} req/s (p50 {wn['p50_ms']:.1f} ms, CPU {wn['cpu_ms']:.2f} ms/req)"
            f", nginx {ng['rps']:,.0f} req/s (p50 {ng['p50_ms']:.2f} ms; wrk used "
            f"{ng['client_cpu_share']:.0%} of its core)"
        )
        if "bare_varnish" in data:
            bare = data["bare_varnish"]
            print(
                f"Varnish with its built-in rules in front of that nginx: {bare['rps']:,.0f} "
                f"req/s, {fmt(paired(bare, ng), '.0%')} of nginx (what Varnish itself reaches here)"
            )
        slowest = ", ".join(f"{q!r} {ms:,.0f} ms" for ms, q in search["slowest"][:3])
        print(
            f"search, {search['answers']} answers one at a time: p50 {search['p50_ms']:,.0f} ms,"
            f" p95 {search['p95_ms']:,.0f} ms, CPU {search['cpu_ms']:.0f} ms/req; "
            f"slowest: {slowest}"
        )
        first = ", ".join(
            f"{LABELS[name]} {entry['first_render']['ms']:,.0f} ms / "
            f"{entry['first_render']['queries']} SQL"
            for name, entry in data["urls"].items()
            if name in PAGES
        )
        print(f"first render, on an empty cache (one request, test client): {first}")
        rss = data["rss_mb"]
        print(f"peak worker RSS: cold {rss['cold']:.0f} MB, warm {rss['warm']:.0f} MB")
    if flagged:
        print("⚠: some answers were errors (non-2xx/3xx, timeouts); see the JSON.")
    print("\nTargets")
    for check in report["targets"]:
        print(f"  {'✓' if check['met'] else '✗'} {check['target']:<52} {check['detail']}")


def chart(report, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = list(report["sizes"])
    figure, (throughput, cpu) = plt.subplots(2, 1, figsize=(12, 9), constrained_layout=True)
    series = [(size, mode) for size in sizes for mode in ("cold", "warm", "varnish")]
    width = 0.8 / len(series)
    colours = {"cold": "#c0504d", "warm": "#4f81bd", "varnish": "#9bbb59"}
    for index, (size, mode) in enumerate(series):
        data = report["sizes"][size]
        values = []
        for name in URLS:
            source = (
                data["varnish"]["urls"].get(name, {})
                if mode == "varnish"
                else (data["urls"][name].get(mode, {}))
            )
            values.append(source.get("rps") or 0)
        positions = [i + (index - len(series) / 2 + 0.5) * width for i in range(len(URLS))]
        alpha = 0.55 if size == sizes[0] and len(sizes) > 1 else 1.0
        throughput.bar(
            positions,
            values,
            width,
            color=colours[mode],
            alpha=alpha,
            label=f"{int(size):,} pages, {mode}",
        )
        if mode != "varnish":
            cpu_values = [data["urls"][name].get(mode, {}).get("cpu_ms") or 0 for name in URLS]
            cpu.bar(
                positions,
                cpu_values,
                width,
                color=colours[mode],
                alpha=alpha,
                label=f"{int(size):,} pages, {mode}",
            )
    for size, style in zip(sizes, ("--", ":"), strict=False):
        data = report["sizes"][size]
        throughput.axhline(
            data["whitenoise"]["rps"],
            color="#555",
            linestyle=style,
            linewidth=1,
            label=f"whitenoise file ({int(size):,})",
        )
        throughput.axhline(
            data["nginx"]["rps"],
            color="#000",
            linestyle=style,
            linewidth=1,
            label=f"nginx file ({int(size):,})",
        )
    throughput.set_yscale("log")
    throughput.set_ylabel("requests per second (log)")
    throughput.set_title(
        f"healthsite bench {report['date']}: throughput per URL "
        f"(median of {report['config']['runs']})"
    )
    cpu.axhline(
        TARGETS["cold_condition_cpu_ms"],
        color="#c0504d",
        linestyle="--",
        linewidth=1,
        label="25 ms target (cold condition page)",
    )
    cpu.set_ylabel("server CPU, ms per request")
    cpu.set_title("gunicorn workers' CPU per request")
    for axis in (throughput, cpu):
        axis.set_xticks(range(len(URLS)), [LABELS[name] for name in URLS])
        axis.legend(fontsize=7, ncol=4, loc="upper center", bbox_to_anchor=(0.5, -0.07))
        axis.grid(axis="y", alpha=0.3)
    figure.savefig(path, dpi=110)
    plt.close(figure)


def rounded(value):
    """Floats to four significant figures, for a readable JSON file."""
    if isinstance(value, float):
        return float(f"{value:.4g}")
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(item) for item in value]
    return value


def git_description():
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}{' + uncommitted changes' if dirty else ''}"


# Main ----------------------------------------------------------------------------------------


def arguments():
    parser = argparse.ArgumentParser(description="Benchmarks healthsite (see bench/README.md).")
    parser.add_argument(
        "--sizes",
        default="1000,10000",
        help="Generated pages per database, comma-separated (1000,10000).",
    )
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the databases.")
    parser.add_argument("--duration", type=int, default=4, help="Seconds per wrk run (4).")
    parser.add_argument("--runs", type=int, default=3, help="wrk runs per URL; median (3).")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2).")
    parser.add_argument(
        "--search-budget",
        type=int,
        default=120,
        help="Seconds the search latency rounds may take per size (120).",
    )
    args = parser.parse_args()
    args.sizes = sorted({int(size) for size in args.sizes.split(",")})
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        log("only one CPU: server and wrk share it; the figures will be lower")
    args.server_cpu, args.client_cpu = str(cpus[0]), str(cpus[-1])
    return args


def stop_on_term(signum, frame):
    raise KeyboardInterrupt  # the servers started so far are stopped on the way out


def main():
    signal.signal(signal.SIGTERM, stop_on_term)
    args = arguments()
    for tool in ("wrk", "nginx", "varnishd", "redis-server", "taskset"):
        if not shutil.which(tool):
            fail(
                f"{tool} is missing: run `make bench` (it installs wrk, nginx, varnish, "
                f"redis-server as root) or `sudo apt-get install wrk nginx varnish redis-server`."
            )
    queries = [
        line.strip()
        for line in (BENCH / "queries.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    date = datetime.now().astimezone()
    load_at_start, cpu_at_start = os.getloadavg(), cpu_times()
    CACHE.mkdir(exist_ok=True)
    RESULTS.mkdir(exist_ok=True)
    log(
        f"make bench: sizes {', '.join(f'{s:,}' for s in args.sizes)}; "
        f"{args.runs} × {args.duration} s wrk runs per URL; load average {os.getloadavg()[0]:.1f}"
    )

    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="healthsite-bench-")))
        redis = Redis(workdir)
        stack.callback(redis.stop)
        server_url = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
        databases = Databases(server_url, redis.url, args.rebuild)
        databases.ensure(args.sizes)

        log("collectstatic into bench/.cache/static…")
        manage(["collectstatic", "--no-input", "--clear"], databases.env(args.sizes[0]))
        sizes = bench(databases, redis, workdir, args, queries)

    report = {
        "date": date.strftime("%Y-%m-%d %H:%M %Z"),
        "git": git_description(),
        "machine": {
            "cpus": os.cpu_count(),
            "processor": processor(),
            "load_average_at_start": load_at_start,
            "load_average_at_end": os.getloadavg(),
            "cpu_steal_share": steal_share(cpu_at_start, cpu_times()),
        },
        "config": {
            "sizes": args.sizes,
            "duration": args.duration,
            "runs": args.runs,
            "connections": args.connections,
            "workers": args.workers,
            "server_cpu": args.server_cpu,
            "client_cpu": args.client_cpu,
            "search_queries": len(queries),
        },
        "sizes": sizes,
        "targets": [],
        "seconds": round(time.monotonic() - STARTED),
    }
    report["targets"] = check_targets(sizes)
    stem = RESULTS / f"bench-{date.strftime('%Y%m%d-%H%M')}"
    stem.with_suffix(".json").write_text(json.dumps(rounded(report), indent=2) + "\n")
    chart(report, stem.with_suffix(".png"))
    shutil.copyfile(stem.with_suffix(".json"), RESULTS / "latest.json")
    shutil.copyfile(stem.with_suffix(".png"), RESULTS / "latest.png")
    print_table(report)
    met = sum(check["met"] for check in report["targets"])
    print(
        f"\n{met} of {len(report['targets'])} targets met · {report['seconds'] // 60} min "
        f"{report['seconds'] % 60} s · {stem.with_suffix('.json').relative_to(ROOT)}, "
        f"{stem.with_suffix('.png').relative_to(ROOT)} (and latest.json/.png)"
    )
    machine = report["machine"]
    print(f"machine: {machine['cpus']} × {machine['processor'] or 'unknown processor'}")
    steal = machine["cpu_steal_share"]
    if steal is not None:
        disturbed = " (over 2 %: the figures were disturbed; run again later)"
        print(
            f"CPU steal {steal:.1%}: time the virtual machine's host gave to other guests"
            + (disturbed if steal > 0.02 else "")
        )


def processor():
    """The processor's model name, from /proc/cpuinfo (None elsewhere): figures depend on it."""
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return None
    names = (line.split(":", 1)[1].strip() for line in lines if line.startswith("model name"))
    return next(names, None)


def cpu_times():
    """The machine's CPU time so far, in ticks, from /proc/stat (None elsewhere)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    return [int(field) for field in fields]


def steal_share(before, after):
    """The share of CPU time taken by the host for other guests between two `cpu_times()`."""
    if before is None or after is None:
        return None
    spent = [end - start for start, end in zip(before, after, strict=False)]
    total = sum(spent[:8])  # user … steal; guest time is counted in user already
    return spent[7] / total if total else None


if __name__ == "__main__":
    main()
