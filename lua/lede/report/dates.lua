-- Calendar arithmetic for reports: ISO dates to day numbers and back (proleptic Gregorian, UTC),
-- without os.time, which works in local time and not before 1970 on every system.
local M = {}

--- Days since 1970-01-01 of the start of an ISO date or time ("2026", "2026-02",
-- "2026-02-12T10:00"), or nil when `value` does not start with one.
function M.day_number(value)
  local y, m, d = value:match("^(%d%d%d%d)%-?(%d?%d?)%-?(%d?%d?)")
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m) or 1, tonumber(d) or 1
  if m < 1 or m > 12 or d < 1 or d > 31 then return nil end
  -- Days from the civil date, by eras of 400 years (Howard Hinnant's method).
  y = m <= 2 and y - 1 or y
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

--- The ISO date ("2026-02-12") of a day number.
function M.iso(days)
  local z = days + 719468
  local era = z // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400 + (m <= 2 and 1 or 0)
  return string.format("%04d-%02d-%02d", y, m, d)
end

return M
