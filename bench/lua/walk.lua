-- Walks a paged list as a client listing everything does: each request asks for the
-- nextPageStart of the page before, and after the last page the walk starts again at 0.
-- $BENCH_PATH ends in a query without start; $AUTH is a fixed Authorization header.
-- The walk is sequential: run it over one connection.
local path = os.getenv("BENCH_PATH")
local auth = os.getenv("AUTH")
local start = 0
if auth and auth ~= "" then
  wrk.headers["Authorization"] = auth
end

request = function()
  return wrk.format("GET", path .. "&start=" .. start)
end

response = function(status, headers, body)
  local following = body:match('"nextPageStart":(%d+)')
  start = following and tonumber(following) or 0
end
