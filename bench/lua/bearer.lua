-- Token-authenticated GETs spread over many distinct tokens (one raw token per line of $TOKENS).
-- Each wrk thread walks the whole list from its own place in it, the threads far apart, so the
-- verification cache sees them all and no token is asked for by two threads at about the same time.
-- AUTH_MODE=none builds the same requests the same way, with the same header under a name the server
-- never reads (X-Bench-Token, as long as "Authorization"): the reference that differs from a Bearer
-- request only in that the server authenticates it. wrk does the same work for both, and the server
-- receives as many bytes.
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do
  tokens[#tokens + 1] = line
end
local path = os.getenv("BENCH_PATH") or "/rest/access-tokens/latest/self"
local mode = os.getenv("AUTH_MODE") or "bearer" -- bearer | basic-token | none
local users = {}
if mode == "basic-token" then
  for line in io.lines(os.getenv("TOKEN_USERS")) do
    users[#users + 1] = line
  end
end
local counter = 0
local header = (mode == "none") and "X-Bench-Token" or "Authorization"
dofile("bench/lua/base64.lua")
dofile("bench/lua/spread.lua")
local headers = {}
for i = 1, #tokens do
  if mode == "basic-token" then
    headers[i] = "Basic " .. base64(users[i] .. ":" .. tokens[i])
  else
    headers[i] = "Bearer " .. tokens[i]
  end
end
spread(#tokens)
function init(args)
  counter = start
end
function request()
  counter = counter % #tokens + 1
  return wrk.format("GET", path, { [header] = headers[counter] })
end
