-- wrk script: RFC 7662 introspection (client_secret_basic) of a pool of distinct access tokens
-- (bench/BenchTokens.java), round robin, so the run never asks about one token over and over.
-- Every response that is not 200 with "active":true counts as an error, and any error voids the run.
dofile("bench/wrk-common.lua")
local auth = os.getenv("BENCH_BASIC_AUTH")
local file = os.getenv("BENCH_TOKENS")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. auth

local pool = {}
local next_index = 1


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
        invalid_answer(status, body)
    end
end

