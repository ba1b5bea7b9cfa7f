-- wrk script: POST /v1/chat/completions, non-stream, a new session per request (no `user`), as OpenAI clients do.
-- The token comes from the environment (OPENCLAW_BENCH_TOKEN), never from the command line.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("OPENCLAW_BENCH_TOKEN")
wrk.body = '{"model":"openclaw","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello, how are you today?"}]}'

-- OPENCLAW_BENCH_PACE_MS > 0: each connection waits that long after a response before its next request, so 64
-- connections offer a steady rate (about 64 / (pace + latency) per second) instead of as many as the gateway can take.
local pace = tonumber(os.getenv("OPENCLAW_BENCH_PACE_MS") or "0")
if pace > 0 then
  delay = function()
    return pace
  end
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("errors: connect %d read %d write %d status %d timeout %d\n", summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
