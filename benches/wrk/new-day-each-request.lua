-- wrk script: every request asks about another day, so that `clash
-- serve` answers each one anew, none from memory. Days walk forward
-- through 1900-2100 (the years the binary has baked, 73,414 days), one per
-- request, the second thread starting half-way. A day comes round again
-- only after tens of thousands of other answers, and the server keeps the
-- latest 8,192 at most, so it is never still kept. The path
-- is wrk's URL path with `{day}` in it, e.g.
--   wrk -s new-day-each-request.lua 'http://127.0.0.1:8080/api/v1/check?date={day}T18:00&duration=2h'

local threads = 0

function setup(thread)
    thread:set("first", threads * 36707)
    threads = threads + 1
end

function init(args)
    n = first
end

-- The civil date of day `z` counted from 1970-01-01 (the days-from-civil
-- inverse in H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
local function civil(z)
    z = z + 719468
    local era = math.floor(z / 146097)
    local doe = z - era * 146097
    local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
    local y = yoe + era * 400
    local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
    local mp = math.floor((5 * doy + 2) / 153)
    local d = doy - math.floor((153 * mp + 2) / 5) + 1
    local m = mp < 10 and mp + 3 or mp - 9
    if m <= 2 then y = y + 1 end
    return string.format("%04d-%02d-%02d", y, m, d)
end

-- 1900-01-01 is day -25567.
local path = nil

function request()
    if path == nil then path = wrk.path end
    local day = civil(-25567 + n % 73414)
    n = n + 1
    return wrk.format("GET", (path:gsub("{day}", day)))
end
