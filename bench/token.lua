-- wrk script: client-credentials token requests (client_secret_basic). Every response that is not
-- 200 with an access_token counts as an error, and any error voids the run.
dofile("bench/wrk-common.lua")
RATE_LABEL = "tokens_per_s"
local auth = os.getenv("BENCH_BASIC_AUTH")
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. auth



function response(status, headers, body)
    if status ~= 200 or not string.find(body, "\"access_token\"", 1, true) then
        invalid_answer(status, body)
    end
end

