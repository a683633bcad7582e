-- post.lua - wrk script: POSTs the proposal requests of a cart file (one
-- JSON request per line) in rotation, each thread from its own start.
-- usage: wrk ... -s post.lua URL -- CARTFILE

local requests = {}
local next_index = 0
local started = 0

function setup(thread)
    started = started + 1
    thread:set("first", started * 97)
end

function init(args)
    local headers = {["Content-Type"] = "application/json"}
    for line in io.lines(args[1]) do
        if #line > 0 then
            requests[#requests + 1] =
                wrk.format("POST", "/api/v1/proposals", headers, line)
        end
    end
    next_index = (first or 0) % #requests
end

function request()
    next_index = next_index % #requests + 1
    return requests[next_index]
end
