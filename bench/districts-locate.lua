-- wrk script for bench/districts-locate.sh: every request locates another random point inside Praha
-- (14.35–14.58 E, 50.02–50.12 N, all inside the city's districts), without the geometry in the answer unless
-- GEOMETRY=true. Deterministic per thread.
local city = os.getenv("CITY") or "praha"
local geometry = os.getenv("GEOMETRY") or "false"
local counter = 0

setup = function(thread)
   counter = counter + 1
   thread:set("id", counter)
end

init = function(args)
   math.randomseed(1000 + (id or 0))
end

request = function()
   local lat = 50.02 + math.random() * 0.10
   local lon = 14.35 + math.random() * 0.23
   return wrk.format("GET", string.format("/api/cities/%s/districts/locate?lat=%.6f&lon=%.6f&geometry=%s",
      city, lat, lon, geometry))
end
