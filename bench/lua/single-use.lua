-- POST one single-use credential (authorization code, refresh token) per request, each used once.
--   wrk ... -s lua/single-use.lua URL -- FILE THREADS
-- FILE holds one credential a line; thread k of THREADS takes lines k+1, k+1+THREADS, ... The form body is
-- BODY_TEMPLATE (environment) with {token} replaced by the credential; AUTHORIZATION (environment), when set,
-- is sent as the Authorization header (client_secret_basic). When a thread has used all its credentials it
-- stops (wrk.thread:stop()); the requests still written then go to /q/health/live, never to the endpoint, so no
-- credential is presented twice (a second use of a code revokes its grant). wrk's own Requests/sec divides by
-- the whole -d duration even when the threads stopped early, so done() prints the rate over the time from the
-- first request to the last response: "SINGLE_USE used=N available=N seconds=S rate=R exhausted=yes|no".
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } gh_timespec;
  int clock_gettime(int clock, gh_timespec *tp);
]]
local ts = ffi.new("gh_timespec")
local function now()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
end

-- Main state: number the threads and keep them for done().
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- Thread state.
local tokens = {}
used, fillers, bad = 0, 0, 0
local prefix, suffix, path
first, last, exhausted = nil, nil, false

function init(args)
  local file, count = args[1], tonumber(args[2])
  assert(file and count, "usage: -- FILE THREADS")
  local n = 0
  for line in io.lines(file) do
    if line ~= "" then
      if n % count == id then
        tokens[#tokens + 1] = line
      end
      n = n + 1
    end
  end
  available = #tokens
  local template = os.getenv("BODY_TEMPLATE") or error("BODY_TEMPLATE is not set")
  local at = string.find(template, "{token}", 1, true) or error("BODY_TEMPLATE has no {token}")
  prefix, suffix = string.sub(template, 1, at - 1), string.sub(template, at + 7)
  path = wrk.path
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  local authorization = os.getenv("AUTHORIZATION")
  if authorization and authorization ~= "" then
    wrk.headers["Authorization"] = authorization
  end
end

function request()
  if used >= #tokens then
    if not exhausted then
      exhausted = true
      wrk.thread:stop()
    end
    fillers = fillers + 1
    return wrk.format("GET", "/q/health/live")
  end
  used = used + 1
  if not first then
    first = now()
  end
  return wrk.format("POST", path, nil, prefix .. tokens[used] .. suffix)
end

function response(status, headers, body)
  last = now()
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then
      io.stderr:write("single-use: HTTP " .. status .. " " .. string.sub(body or "", 1, 200) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local first_all, last_all, used_all, available_all, exhausted_all = nil, nil, 0, 0, false
  for _, t in ipairs(threads) do
    local f, l = t:get("first"), t:get("last")
    if f and (not first_all or f < first_all) then first_all = f end
    if l and (not last_all or l > last_all) then last_all = l end
    used_all = used_all + (t:get("used") or 0)
    available_all = available_all + (t:get("available") or 0)
    exhausted_all = exhausted_all or t:get("exhausted")
  end
  local seconds = (first_all and last_all and last_all > first_all) and (last_all - first_all) or 0
  local rate = seconds > 0 and summary.requests / seconds or 0
  io.write(string.format("SINGLE_USE used=%d available=%d seconds=%.2f rate=%.1f exhausted=%s\n",
    used_all, available_all, seconds, rate, exhausted_all and "yes" or "no"))
end
