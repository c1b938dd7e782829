-- wrk script for bench/soak.sh: each connection walks the list of paths in SOAK_PATHS (one
-- a line) in turn, and the run ends with the count of answers by HTTP status.
local paths = {}
for line in io.lines(os.getenv("SOAK_PATHS")) do
    if line ~= "" then
        paths[#paths + 1] = line
    end
end

local threads = {}
local thread_number = 0

function setup(thread)
    thread_number = thread_number + 1
    thread:set("id", thread_number)
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
    -- Threads start at different places in the list, so that the mix is even at any moment.
    position = (id * 7) % #paths
end

function request()
    position = position % #paths + 1
    return wrk.format("GET", paths[position])
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local totals = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            totals[status] = (totals[status] or 0) + count
        end
    end
    io.write("STATUS")
    for status, count in pairs(totals) do
        io.write(string.format(" %d=%d", status, count))
    end
    io.write("\n")
    io.write(string.format(
        "SUMMARY requests=%d seconds=%.1f connect_errors=%d read_errors=%d write_errors=%d "
            .. "timeouts=%d status_errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
        summary.requests, summary.duration / 1e6, summary.errors.connect, summary.errors.read,
        summary.errors.write, summary.errors.timeout, summary.errors.status,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
