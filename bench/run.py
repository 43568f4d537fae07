"""`make bench`: the site's speed at 1,000 and 10,000 pages, against static-file yardsticks.

Per size, a PostgreSQL database built with the generator (kept for the next run). Then in
phases, every size served at once and loaded in turns: gunicorn on core 0 with the page cache
bypassed (cold), then serving from it (warm, with the condition page's HTML as a static file
through whitenoise),
then Varnish (deploy/varnish/default.vcl) in front of the warm gunicorn alongside nginx serving
the static file; wrk on core 1, median of 3 rounds; then 50 fixed search queries one after
another. Writes bench/results/bench-<date>.json and .png, and latest.json/.png. See
bench/README.md; `--help` lists the options.

This file takes the arguments and runs the phases in order; the servers and databases are in
servers.py, what is measured in measurements.py, the targets, table and chart in report.py.
"""

import argparse
import json
import os
import shutil
import signal
import tempfile
import time
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

# Beside this file: a script's folder is the first place Python looks.
from measurements import bench
from report import (
    chart,
    check_targets,
    cpu_times,
    git_description,
    print_table,
    processor,
    rounded,
    steal_share,
)
from servers import BENCH, CACHE, ROOT, STARTED, Databases, Redis, fail, log, manage, stop_on_term

RESULTS = BENCH / "results"


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


if __name__ == "__main__":
    main()
