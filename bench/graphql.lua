-- wrk script for bench/graphql-bench.sh. BENCH_MODE selects what each request asks:
--   rowread       POST /graphql  rowRead by key, keys 10000..10199 round robin
--   page          POST /graphql  conRead(first: 100) with lnkPostalAddresses from keys 10000..10099
--   write         POST /graphql  rowNew(allowAutoNrOnSave: true) of an address (the server numbers it,
--                 taking the next free number when a concurrent save took it), one transaction each
--   base-rowread  GET  /bench-baseline/address?adrNr=…   (the same row, hand-written SQL)
--   base-page     GET  /bench-baseline/page?from=…       (the same 100 rows, one SQL join)
--   dpop-rowread  POST /graphql  rowRead by key as rowread, with a DPoP-bound token and a proof of
--                 its own per request (BENCH_PROOFS lines "token proof", bench/BenchProofs.java; a
--                 pool that runs out sends a used proof again, which the server refuses)
-- The other GraphQL requests use the bearer tokens of BENCH_TOKENS (one per application) round robin.
-- An answer that is not 200, or that carries "errors", counts as an error; any error voids the run.
dofile("bench/wrk-common.lua")
local mode = os.getenv("BENCH_MODE")
local file = os.getenv("BENCH_TOKENS")
local proofs_file = os.getenv("BENCH_PROOFS")
local tokens = {}
local next_token = 1
local proofs = {}
local next_proof = 1
local next_key = 0


function init(args)
    if mode == "dpop-rowread" then
        for line in io.lines(proofs_file) do
            local space = string.find(line, " ", 1, true)
            if space then
                table.insert(proofs, { string.sub(line, 1, space - 1), string.sub(line, space + 1) })
            end
        end
    end
    if file then
        for line in io.lines(file) do
            if line ~= "" then
                table.insert(tokens, line)
            end
        end
    end
    next_key = math.random(0, 99)
end

local function key(range)
    local k = 10000 + next_key % range
    next_key = next_key + 1
    return tostring(k)
end

function request()
    if mode == "base-rowread" then
        return wrk.format("GET", "/bench-baseline/address?adrNr=" .. key(200))
    elseif mode == "base-page" then
        return wrk.format("GET", "/bench-baseline/page?from=" .. key(100))
    end
    local query
    if mode == "write" then
        query = 'mutation { tblAddresses { rowNew(allowAutoNrOnSave: true) { fldSuchBeg(set: {string: \\"LAST\\"})'
            .. ' fldStatus(set: {text: \\"Interessent\\"}) rowSave { fldAdrNr } } } }'
    elseif mode == "rowread" or mode == "dpop-rowread" then
        query = '{ tblAddresses { rowRead(kf1AdrNr: {string: \\"' .. key(200)
            .. '\\"}) { fldAdrNr fldSuchBeg fldStatus fldGspKz fldInsertLSN fldModifyLSN } } }'
    else
        query = '{ tblAddresses { conRead(first: 100, kf1AdrNr: {from: {string: \\"' .. key(100)
            .. '\\"}}) { edges { node { fldAdrNr fldSuchBeg lnkPostalAddresses { rowsRead {'
            .. ' fldAnsNr fldNa1 fldStr fldPLZ fldOrt } } } } pageInfo { hasNextPage endCursor } } } }'
    end
    if mode == "dpop-rowread" then
        local p = proofs[next_proof]
        if next_proof < #proofs then
            next_proof = next_proof + 1
        end
        return wrk.format("POST", "/graphql", {
            ["Content-Type"] = "application/json",
            ["Authorization"] = "DPoP " .. p[1],
            ["DPoP"] = p[2]
        }, '{"query":"' .. query .. '"}')
    end
    local token = tokens[next_token]
    next_token = next_token % #tokens + 1
    return wrk.format("POST", "/graphql", {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. token
    }, '{"query":"' .. query .. '"}')
end

function response(status, headers, body)
    if status ~= 200 or string.find(body, '"errors"', 1, true) then
        invalid_answer(status, body)
    end
end

