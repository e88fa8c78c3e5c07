-- wrk script: RFC 7662 introspection (client_secret_basic) of a pool of distinct access tokens
-- (bench/BenchTokens.java), round robin, so the run never asks about one token over and over.
-- Every response that is not 200 with "active":true counts as an error, and any error voids the run.
local auth = os.getenv("BENCH_BASIC_AUTH")
local file = os.getenv("BENCH_TOKENS")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. auth

local pool = {}
local next_index = 1
local bad = 0
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    for line in io.lines(file) do
        if line ~= "" then
            table.insert(pool, line)
        end
    end
end

function request()
    local token = pool[next_index]
    next_index = next_index % #pool + 1
    return wrk.format(nil, nil, nil, "token=" .. token)
end

function response(status, headers, body)
    if status ~= 200 or not string.find(body, "\"active\":true", 1, true) then
        bad = bad + 1
        if bad == 1 then
            io.stderr:write("first failed answer: HTTP " .. status .. " " .. string.sub(body, 1, 300) .. "\n")
        end
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
        "RESULT requests=%d seconds=%.1f per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, errors))
end
