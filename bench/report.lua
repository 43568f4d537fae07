-- wrk script for bench/run.py.
-- Cold runs (BENCH_COLD set): every request says X-Bench-Cold, which expires the page's kept
-- copy first (bench/cold.py), so each page is put together afresh around the parts the cache
-- keeps longer.
if os.getenv("BENCH_COLD") then
  wrk.headers["X-Bench-Cold"] = "1"
end

-- One JSON line with the exact counts and latency percentiles.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
