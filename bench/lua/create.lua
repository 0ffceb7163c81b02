-- Token creation: PUT to the user's token list, Basic user:password ($CREATOR = "name password").
local name, password = os.getenv("CREATOR"):match("^(%S+) (%S+)$")
dofile("bench/lua/base64.lua")
wrk.method = "PUT"
wrk.path = "/rest/access-tokens/1.0/users/" .. name
wrk.body = '{"name":"bench","permissions":["REPO_READ","PROJECT_READ"],"expiryDays":30}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. base64(name .. ":" .. password)
function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("create failed: " .. status .. " " .. body .. "\n")
  end
end
