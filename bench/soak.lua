-- Mixed public traffic for bench/soak.sh: report pages, browse, search, statistics, the API.
-- Paths come from the file named by the environment variable SOAK_PATHS (one path per line);
-- every answer of 500 or above is counted per thread and reported at the end.
local paths = {}
local counter = 0
server_errors = 0  -- global: read by done() through thread:get
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("SOAK_PATHS")) do
    if #line > 0 then table.insert(paths, line) end
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("server_errors") end
  io.write(string.format("5xx: %d\n", total))
end
