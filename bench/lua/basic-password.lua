-- Basic user:password on every request, spread over the seeded users (lines "name password" in $USERS).
local pairs_ = {}
for line in io.lines(os.getenv("USERS")) do
  local name, password = line:match("^(%S+) (%S+)$")
  pairs_[#pairs_ + 1] = name .. ":" .. password
end
local path = os.getenv("BENCH_PATH") or "/rest/api/1.0/users?limit=1"
local b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function base64(data)
  return ((data:gsub(".", function(x)
    local r, byte = "", x:byte()
    for i = 8, 1, -1 do r = r .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return b64chars:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#data % 3 + 1])
end
local headers = {}
for i = 1, #pairs_ do headers[i] = "Basic " .. base64(pairs_[i]) end
local counter = 0
function init(args) counter = math.random(#headers) end
function request()
  counter = counter % #headers + 1
  return wrk.format("GET", path, { ["Authorization"] = headers[counter] })
end
