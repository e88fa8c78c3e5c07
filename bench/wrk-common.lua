-- Shared by the wrk scripts of bench/ (loaded with dofile from the project root): registers the
-- threads, counts invalid answers per thread, and prints the RESULT line the bench scripts parse.
-- `bad` is a global so that done() can read every thread's count with thread:get.
bad = 0
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("id", #threads)
end

-- Counts an answer that is not what the run expects; the first one is shown (no secrets in it).
function invalid_answer(status, body)
    bad = bad + 1
    if bad == 1 then
        io.stderr:write("first failed answer: HTTP " .. status .. " " .. string.sub(body, 1, 300) .. "\n")
    end
end

-- RATE_LABEL (a global the script may set) names the throughput column, per_s by default.
function done(summary, latency, requests)
    local invalid = 0
    for _, t in ipairs(threads) do
        invalid = invalid + (t:get("bad") or 0)
    end
    local seconds = summary.duration / 1e6
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout + summary.errors.status + invalid
    io.write(string.format(
        "RESULT requests=%d seconds=%.1f " .. (RATE_LABEL or "per_s")
            .. "=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, errors))
end
