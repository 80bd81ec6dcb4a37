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

--- The day number of the last day an ISO date covers: "2026" → 31 December, "2026-02" → 28
-- February, a day → that day.
function M.last_day(value)
  local y, m = value:match("^(%d%d%d%d)%-(%d%d)$")
  if y then
    y, m = tonumber(y), tonumber(m) + 1
    if m > 12 then y, m = y + 1, 1 end
    return M.day_number(string.format("%04d-%02d", y, m)) - 1
  end
  y = value:match("^(%d%d%d%d)$")
  if y then return M.day_number(string.format("%04d", tonumber(y) + 1)) - 1 end
  return M.day_number(value)
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

-- The ISO week of a day number: "2026-W07" (weeks start on Monday; week 1 holds 4 January).
local function iso_week(day)
  local thursday = day - (day + 3) % 7 + 3 -- 1970-01-01 was a Thursday
  local year = M.iso(thursday):sub(1, 4)
  return string.format("%s-W%02d", year, (thursday - M.day_number(year)) // 7 + 1)
end

local PERIOD_OF = {
  day = M.iso,
  week = iso_week,
  month = function(day) return M.iso(day):sub(1, 7) end,
}

-- Counts per day up to this many days; per week up to two years; per month beyond.
local DAILY_SPAN, WEEKLY_SPAN = 62, 731

--- Counts per day, week or month (as the span asks) from the first day to the last of `days`
-- (a date facet: { {value = "2026-02-12", count}, ... } sorted by value), periods without any
-- as 0: returns { {period, count}, ... } and the unit ("day", "week", "month"); nil when empty.
function M.over_time(days)
  if #days == 0 then return nil end
  local first, last = M.day_number(days[1].value), M.day_number(days[#days].value)
  local span = last - first + 1
  local unit = span <= DAILY_SPAN and "day" or span <= WEEKLY_SPAN and "week" or "month"
  local period_of = PERIOD_OF[unit]
  local count = {}
  for _, d in ipairs(days) do
    local p = period_of(M.day_number(d.value))
    count[p] = (count[p] or 0) + d.count
  end
  local points = {}
  for day = first, last do
    local p = period_of(day)
    if not points[#points] or points[#points][1] ~= p then points[#points + 1] = { p, count[p] or 0 } end
  end
  return points, unit
end

return M
