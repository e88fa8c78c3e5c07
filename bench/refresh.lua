-- wrk script: refresh-token grants with rotation (client_secret_basic). The pool holds one refresh
-- token per connection (bench/BenchTokens.java); every request spends one token and the answer's
-- new refresh token goes back into the pool, so no token is ever sent twice. Every response that
-- is not 200 with a new refresh token counts as an error, and any error voids the run.
dofile("bench/wrk-common.lua")
local auth = os.getenv("BENCH_BASIC_AUTH")
local file = os.getenv("BENCH_TOKENS")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. auth

local pool = {}


-- wrk calls request() of the first thread once before the run to check the script; that request
-- is never sent, so it must not take a token from the pool.
local checked = false

function init(args)
    for line in io.lines(file) do
        if line ~= "" then
            table.insert(pool, line)
        end
    end
end

function request()
    if not checked and id == 1 then
        checked = true
        return wrk.format(nil, nil, nil, "grant_type=refresh_token&refresh_token=script-check")
    end
    local token = table.remove(pool)
    if token == nil then
        -- only after a failed answer (which voids the run); this request fails and counts as well
        token = "pool-empty"
    end
    return wrk.format(nil, nil, nil, "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
    local token = nil
    if status == 200 then
        token = string.match(body, "\"refresh_token\":\"([^\"]+)\"")
    end
    if token == nil then
        -- the first failed answer explains a void run (OAuth error JSON, no secrets)
        invalid_answer(status, body)
    else
        table.insert(pool, token)
    end
end

