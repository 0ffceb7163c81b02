-- Basic user:password on every request, spread over the seeded users (lines "name password" in $USERS).
local pairs_ = {}
for line in io.lines(os.getenv("USERS")) do
  local name, password = line:match("^(%S+) (%S+)$")
  pairs_[#pairs_ + 1] = name .. ":" .. password
end
local path = os.getenv("BENCH_PATH") or "/rest/api/1.0/users?limit=1"
dofile("bench/lua/base64.lua")
dofile("bench/lua/spread.lua")
local headers = {}
for i = 1, #pairs_ do headers[i] = "Basic " .. base64(pairs_[i]) end
local counter = 0
spread(#headers)
function init(args) counter = start end
function request()
  counter = counter % #headers + 1
  return wrk.format("GET", path, { ["Authorization"] = headers[counter] })
end
