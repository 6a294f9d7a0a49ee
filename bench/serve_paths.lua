-- wrk script for bench/serve.sh: GET the paths listed in a file, one a line
-- (e.g. /api/stories/123), in turn, each wrk thread starting at a different
-- place in the list, so the requests spread over many different stories
-- rather than one cached page.
--
--   wrk -t2 -c16 -d20s --latency -s bench/serve_paths.lua http://127.0.0.1:PORT -- PATHS.txt
--
-- No response() hook: wrk then reads answers without handing their bodies
-- to Lua, and its own "Non-2xx or 3xx responses" line counts failures.

local paths = {}
local next_index = 1
local thread_count = 0

function setup(thread)
    thread:set("thread_number", thread_count)
    thread_count = thread_count + 1
end

function init(args)
    local file = args[1]
    if not file then
        error("serve_paths.lua: give the file of paths after --")
    end
    for line in io.lines(file) do
        if line:sub(1, 1) == "/" then
            paths[#paths + 1] = line
        end
    end
    if #paths == 0 then
        error("serve_paths.lua: no paths in " .. file)
    end
    -- thread_number is set by setup() before init() runs in each thread.
    next_index = (thread_number or 0) * 7919 % #paths + 1
end

function request()
    local path = paths[next_index]
    next_index = next_index % #paths + 1
    return wrk.format("GET", path)
end
