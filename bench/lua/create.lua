-- Token creation: PUT to the user's token list, Basic user:password ($CREATOR = "name password").
local name, password = os.getenv("CREATOR"):match("^(%S+) (%S+)$")
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
