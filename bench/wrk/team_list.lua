-- wrk script for the team's case list: GET /api/v1/cases?scope=team&status=open&limit=50 with a
-- random sort, order and page per request.
--
-- Environment:
--   VOORDEUR_COOKIE      the Cookie header value, e.g. "voordeur_session=..." (bench/run.sh sets it)
--   VOORDEUR_LIST_PAGES  offsets are drawn from the first this many pages of 50 (default 20)
-- Every wrk thread draws its own reproducible sequence.

local cookie = os.getenv("VOORDEUR_COOKIE")
if not cookie or cookie == "" then error("team_list.lua: set VOORDEUR_COOKIE") end
local pages = tonumber(os.getenv("VOORDEUR_LIST_PAGES") or "") or 20

wrk.headers["Cookie"] = cookie
wrk.headers["Accept"] = "application/json"

local sorts = { "days_since_contact", "next_attempt" }
local orders = { "asc", "desc" }

local next_thread = 0
function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
end

function init(args)
  math.randomseed(130363 * (thread_number or 1))
end

function request()
  local path = "/api/v1/cases?scope=team&status=open&limit=50"
    .. "&sort=" .. sorts[math.random(#sorts)]
    .. "&order=" .. orders[math.random(#orders)]
    .. "&offset=" .. 50 * (math.random(pages) - 1)
  return wrk.format("GET", path)
end
