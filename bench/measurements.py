"""What `make bench` measures: the queries per URL (bench/probe.py), wrk rounds against
gunicorn, Varnish and nginx, and search latency one query at a time."""

import json
import math
import os
import resource
import signal
import statistics
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from functools import partial
from urllib.parse import quote_plus

from report import LABELS, PAGES, URLS, fmt, fmt_rps, paired
from servers import (
    BENCH,
    CACHE,
    MINIMAL_VCL,
    PYTHON,
    ROOT,
    VCL,
    Gunicorn,
    Nginx,
    Varnish,
    children,
    cpu_seconds,
    fail,
    get,
    log,
)


def percentile(values, share):
    """Nearest-rank percentile of `values` (share 0.5 for the median)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def probe(env, save_condition=None, cold=False, uncached=False):
    """bench/probe.py in the given environment: URLs, SQL queries per URL, sizes, timings; or
    with `uncached`, the condition page's CPU and queries with every cache a DummyCache."""
    command = [str(PYTHON), str(BENCH / "probe.py"), *(["--cold"] if cold else [])]
    command += ["--uncached"] if uncached else []
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
        uncached = probe(envs[size]["warm"], uncached=True)["uncached"]
        log(
            f"  uncached {uncached['path']} (every cache a DummyCache, in process): "
            f"{uncached['cpu_ms']:.1f} ms CPU, {uncached['queries']} SQL, "
            f"{uncached['python_calls']:,} Python calls"
        )
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
            "uncached": uncached,
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
