"""What `make bench` reports: the URLs and their labels, the targets and whether they were
met, the table on the terminal, the chart, and the run's circumstances (git commit, processor,
CPU steal)."""

import statistics
import subprocess
from pathlib import Path

from servers import ROOT

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
    "uncached_condition_cpu_ms": 25.0,
    "search_p95_ms": 50.0,
    "worker_rss_mb": 200.0,
    "scale_slowdown": 0.20,
}


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

    # In process (bench/probe.py --uncached): no cache at all, so every part is put together.
    cpu = [(data["uncached"]["cpu_ms"], int(size)) for size, data in sizes.items()]
    most = max(cpu)
    add(
        "uncached condition page ≤ 25 ms CPU",
        most[0] <= TARGETS["uncached_condition_cpu_ms"],
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
        uncached = data["uncached"]
        print(
            f"{'uncached':<17}{'':>24}{fmt(uncached['cpu_ms'], '.1f', 6)}{uncached['queries']:>5} │"
            f" {uncached['path']}, every cache a DummyCache: median of {uncached['requests']}"
            " in process (test client)"
            + (f", {uncached['python_calls']:,} Python calls" if "python_calls" in uncached else "")
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
        label="25 ms target (cold and uncached condition page)",
    )
    # The in-process figure beside the workers' (bench/probe.py --uncached).
    for index, size in enumerate(sizes):
        cpu.bar(
            len(URLS) + (index - len(sizes) / 2 + 0.5) * width,
            report["sizes"][size]["uncached"]["cpu_ms"],
            width,
            color="#8064a2",
            alpha=0.55 if size == sizes[0] and len(sizes) > 1 else 1.0,
            label=f"{int(size):,} pages, uncached (in process)",
        )
    cpu.set_ylabel("server CPU, ms per request")
    cpu.set_title("gunicorn workers' CPU per request; uncached: the condition page in process")
    for axis, names in ((throughput, URLS), (cpu, [*URLS, "uncached"])):
        axis.set_xticks(range(len(names)), [LABELS.get(name, name) for name in names])
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
            # Not the results an earlier run wrote: they are not the code measured.
            ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/results"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}{' + uncommitted changes' if dirty else ''}"


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
