-- paced.lua: a wrk script for a latency figure at a stated rate instead of at saturation (deploy/local/bench).
-- Each connection waits a random, exponentially distributed time between its requests, so that the connections together
-- send about RATE requests a second as Poisson arrivals. wrk times each request from its send, not from the wait.
--
-- Environment: URL_PATH (the request path), TOKEN (a bearer token), RATE (requests a second over all connections),
-- CONNECTIONS (as given to wrk -c).
local rate = tonumber(os.getenv("RATE") or "100")
local connections = tonumber(os.getenv("CONNECTIONS") or "4")
local mean_ms = 1000.0 * connections / rate

function init(args)
  wrk.path = os.getenv("URL_PATH")
  local token = os.getenv("TOKEN")
  if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function delay()
  return math.floor(-mean_ms * math.log(1 - math.random()))
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT rate=%d rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f requests=%d errors=%d\n",
    rate, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout))
end
