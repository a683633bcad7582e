-- wrk script of tests/load.py (issue 5): mixed proposals and orders.
--
-- Each request is drawn from a fixed mix: proposals at the three stages
-- (SPEC 8), the shop's product list, and orders (one parking space, a
-- unique Idempotency-Key each). Statuses are counted per thread and
-- summed in done(), which prints one line "LOAD {json}" for load.py:
-- a 409 (sold out) is an answer; a 5xx is a failure.

local shop_token = os.getenv("ENCORE_SHOP_TOKEN") or ""
local now = "2027-05-02T10:00:00+02:00"
local threads = {}
local counter = 0
-- Globals, so that setup() and done() reach them through thread:set()
-- and thread:get(): the thread's number, and its statuses.
id = 0
statuses = {}

local seat = '{"product":"JAZZ-1","performance":"JAZZ-1-0612",' ..
    '"seat_category":"CAT1","audience":"ADULT","quantity":2}'
local space = '{"product":"PARKING","performance":"PARKING-0612",' ..
    '"quantity":1}'
local json = {["Content-Type"] = "application/json"}

local bodies = {
    cart = '{"channel":"WEB","stage":"cart","lang":"en","now":"' .. now ..
        '","cart":[' .. seat .. ']}',
    product = '{"channel":"WEB","stage":"product","now":"' .. now ..
        '","focus":' .. seat .. ',"cart":[]}',
    confirmation = '{"channel":"WEB","stage":"confirmation","now":"' ..
        now .. '","cart":[' .. seat .. ',' .. space .. ']}',
    mobile = '{"channel":"MOBILE","stage":"cart","now":"' .. now ..
        '","cart":[{"product":"EXPO","quantity":1}]}',
}

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(id * 7919 + os.time())
end

local function proposal(stage)
    return wrk.format("POST", "/api/v1/proposals", json, bodies[stage])
end

local function order()
    counter = counter + 1
    local headers = {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. shop_token,
        ["Idempotency-Key"] = string.format("load-%d-%d", id, counter),
    }
    local cart = math.random() < 0.5 and space or (seat .. "," .. space)
    local body = '{"channel":"WEB","now":"' .. now .. '","cart":[' ..
        cart .. ']}'
    return wrk.format("POST", "/api/v1/orders", headers, body)
end

function request()
    local r = math.random()
    if r < 0.60 then
        return proposal("cart")
    elseif r < 0.70 then
        return proposal("product")
    elseif r < 0.75 then
        return proposal("confirmation")
    elseif r < 0.80 then
        return proposal("mobile")
    elseif r < 0.85 then
        return wrk.format("GET", "/api/v1/shop/products?channel=WEB&now=" ..
            "2027-05-02T10:00:00%2B02:00")
    end
    return order()
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        local s = thread:get("statuses")
        for code, n in pairs(s) do
            total[code] = (total[code] or 0) + n
        end
    end
    local parts = {}
    for code, n in pairs(total) do
        table.insert(parts, string.format('"%d":%d', code, n))
    end
    local e = summary.errors
    io.write(string.format(
        'LOAD {"statuses":{%s},"requests":%d,"connect":%d,"read":%d,' ..
        '"write":%d,"timeout":%d,"status_errors":%d,"p50_us":%d,' ..
        '"p99_us":%d,"max_us":%d,"duration_us":%d}\n',
        table.concat(parts, ","), summary.requests, e.connect, e.read,
        e.write, e.timeout, e.status, latency:percentile(50),
        latency:percentile(99), latency.max, summary.duration))
end
