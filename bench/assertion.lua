-- wrk script: client-credentials token requests authenticated by private_key_jwt (RFC 7523):
-- every request sends a form body of its own from BENCH_BODIES (bench/BenchProofs.java assertion),
-- whose client assertion is used once; a pool that runs out sends a used one again, which the
-- server refuses (its jti is known). Every response that is not 200 with an access_token counts as
-- an error, and any error voids the run.
dofile("bench/wrk-common.lua")
RATE_LABEL = "tokens_per_s"
local file = os.getenv("BENCH_BODIES")
local bodies = {}
local next_body = 1

function init(args)
    for line in io.lines(file) do
        if line ~= "" then
            table.insert(bodies, line)
        end
    end
end

function request()
    local body = bodies[next_body]
    if next_body < #bodies then
        next_body = next_body + 1
    end
    return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
    if status ~= 200 or not string.find(body, "\"access_token\"", 1, true) then
        invalid_answer(status, body)
    end
end
