-- Token creation: PUT to a user's own token list with Basic user:password, spread over the seeded
-- users (lines "name password" in $USERS), so that each owner holds a realistic number of tokens.
local names, headers = {}, {}
dofile("bench/lua/base64.lua")
dofile("bench/lua/spread.lua")
for line in io.lines(os.getenv("USERS")) do
  local name, password = line:match("^(%S+) (%S+)$")
  names[#names + 1] = name
  headers[#headers + 1] = "Basic " .. base64(name .. ":" .. password)
end
local body = '{"name":"bench","permissions":["REPO_READ","PROJECT_READ"],"expiryDays":30}'
local counter = 0
spread(#names)
function init(args) counter = start end
function request()
  counter = counter % #names + 1
  return wrk.format("PUT", "/rest/access-tokens/1.0/users/" .. names[counter],
    { ["Authorization"] = headers[counter], ["Content-Type"] = "application/json" }, body)
end
function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("create failed: " .. status .. " " .. body .. "\n")
  end
end
