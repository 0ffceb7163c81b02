-- A GET of $BENCH_PATH with an optional fixed Authorization header ($AUTH).
wrk.path = os.getenv("BENCH_PATH")
local auth = os.getenv("AUTH")
if auth and auth ~= "" then
  wrk.headers["Authorization"] = auth
end
