-- spread(n): each wrk thread gets its own starting place in a list of n items, as the global
-- `start` (0 to n - 1) for its init(). wrk loads a script into its main Lua state and into one
-- per thread, and math.random gives every one of them the same first number, so threads that
-- picked their own places would walk the list side by side. setup() runs in the main state, once
-- per thread before any starts; it spaces the places by the golden ratio, far apart however many
-- threads there are.
function spread(n)
  local threads = 0
  function setup(thread)
    thread:set("start", math.floor(threads * 0.618034 % 1 * n))
    threads = threads + 1
  end
end
