-- Token-authenticated GETs spread over many distinct tokens (one raw token per line of $TOKENS).
-- Each connection walks the list from its own offset, so the verification cache sees them all.
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do
  tokens[#tokens + 1] = line
end
local path = os.getenv("BENCH_PATH") or "/rest/access-tokens/latest/self"
local mode = os.getenv("AUTH_MODE") or "bearer" -- bearer | basic-token
local users = {}
if mode == "basic-token" then
  for line in io.lines(os.getenv("TOKEN_USERS")) do
    users[#users + 1] = line
  end
end
local counter = 0
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
for i = 1, #tokens do
  if mode == "basic-token" then
    headers[i] = "Basic " .. base64(users[i] .. ":" .. tokens[i])
  else
    headers[i] = "Bearer " .. tokens[i]
  end
end
function init(args)
  counter = math.random(#tokens)
end
function request()
  counter = counter % #tokens + 1
  return wrk.format("GET", path, { ["Authorization"] = headers[counter] })
end
