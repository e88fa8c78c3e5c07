-- wrk script: client-credentials token requests (client_secret_basic). Every response that is not
-- 200 with an access_token counts as an error, and any error voids the run.
local auth = os.getenv("BENCH_BASIC_AUTH")
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. auth

local bad = 0
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function response(status, headers, body)
    if status ~= 200 or not string.find(body, "\"access_token\"", 1, true) then
        bad = bad + 1
    end
end

function done(summary, latency, requests)
    local invalid = 0
    for _, t in ipairs(threads) do
        invalid = invalid + (t:get("bad") or 0)
    end
    local seconds = summary.duration / 1e6
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout + summary.errors.status + invalid
    io.write(string.format(
        "RESULT requests=%d seconds=%.1f tokens_per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, errors))
end
