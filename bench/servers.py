"""The servers `make bench` and bench/faults.py start and stop by their own ids (Redis,
gunicorn, nginx, Varnish), the benchmark's PostgreSQL databases, and the helpers they share:
spare ports, child processes, CPU time and memory from /proc, manage.py in the benchmark's
settings, logging.
"""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CACHE = BENCH / ".cache"  # kept between runs: collected static files, media per database
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
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
        # The address the load asks for (Host 127.0.0.1, X-Forwarded-Proto https): production
        # settings guess none, and the demo records it as the site's.
        SITE_URL="https://127.0.0.1",
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


def stop_on_term(signum, frame):
    raise KeyboardInterrupt  # the servers started so far are stopped on the way out
