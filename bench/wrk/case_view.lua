-- wrk script for the case view: GET /api/v1/cases/{id}, a random id per request.
--
-- Environment (bench/run.sh sets both):
--   VOORDEUR_COOKIE    the Cookie header value, e.g. "voordeur_session=..." (a login of a team member)
--   VOORDEUR_CASE_IDS  a text file with one case id per line; use only ids of the logged-in
--                      user's team, since another team's case answers 404
-- Every wrk thread draws its own reproducible id sequence.

local cookie = os.getenv("VOORDEUR_COOKIE")
local ids_file = os.getenv("VOORDEUR_CASE_IDS")
if not cookie or cookie == "" then error("case_view.lua: set VOORDEUR_COOKIE") end
if not ids_file or ids_file == "" then error("case_view.lua: set VOORDEUR_CASE_IDS") end

local ids = {}
for line in io.lines(ids_file) do
  local id = tonumber(line)
  if id then ids[#ids + 1] = id end
end
if #ids == 0 then error("case_view.lua: no ids in " .. ids_file) end

wrk.headers["Cookie"] = cookie
wrk.headers["Accept"] = "application/json"

local next_thread = 0
function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
end

-- The requests are formatted once per thread, in a random order, so that wrk spends its time on
-- the server's answers rather than on building requests in Lua (see docs/benchmarks.md).
local requests = {}
local next_request = 0

function init(args)
  math.randomseed(104729 * (thread_number or 1))
  for i = 1, #ids do
    requests[i] = wrk.format("GET", "/api/v1/cases/" .. ids[math.random(#ids)])
  end
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
