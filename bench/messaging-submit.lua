-- wrk script: each request submits a new matter (JSON) addressed to the police leadership of $CITY, so that every
-- request is a full submission committed before its 201 (rate limit off in the bench city).
local city = os.getenv("CITY")
local n = 0
request = function()
  n = n + 1
  local body = '{"category":"noise","text":"(bench) zpráva ' .. n .. ' — hluk <&>","to":"leadership","consent":true}'
  return wrk.format("POST", "/api/cities/" .. city .. "/messaging/matters",
    { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, body)
end
