-- wrk: each request a random path of the list given as the script's argument; at the end one line
-- "BENCH requests/s p50-ms p99-ms errors first-bad-status" for bench/national.sh.
local paths = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() + math.random(1000))
  bad = 0
  first = "-"
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if first == "-" then first = tostring(status) end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local firstBad = "-"
  for _, thread in ipairs(threads) do
    if thread:get("first") ~= "-" then firstBad = thread:get("first") end
  end
  io.write(string.format("BENCH %.1f %.1f %.1f %d %s\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, firstBad))
end
