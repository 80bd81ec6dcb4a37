-- article:dates(): TIMEX3 dates, times, durations and sets, resolved against the article's date.
local lede = require("lede")

-- The expression `text` in `dates` (the first one with that text), or nil.
local function find(dates, text)
  for _, d in ipairs(dates) do
    if d.text == text then return d end
  end
end

local DAY = "2020-02-13" -- a Thursday

-- Each case: { sentence, expression, type, value }, in an article dated `day` (DAY when not
-- given). Checks the exact span (start, stop), type and value.
local function check(cases, day)
  for _, case in ipairs(cases) do
    local text, want, type, value = table.unpack(case)
    local d = find(lede.article{ text = text, date = day or DAY }:dates(), want)
    assert.is_not_nil(d, want .. " not found in: " .. text)
    local s = text:find(want, 1, true)
    assert.same({ s, s + #want - 1, type, value }, { d.start, d.stop, d.type, d.value })
  end
end

describe("article:dates", function()
  it("reads month-day dates in the nearest year, past ones first", function()
    check{
      { "The ministers met on Feb. 13 in Brussels.", "Feb. 13", "DATE", "2020-02-13" },
      { "Talks broke down on Sept. 5, officials said.", "Sept. 5", "DATE", "2019-09-05" },
      { "The court will rule on March 3.", "March 3", "DATE", "2020-03-03" },
    }
  end)

  it("reads full dates, months with years, years, decades and mid-years", function()
    check{
      { "The law took effect on 13 February 2020 after a long fight.", "13 February 2020", "DATE",
        "2020-02-13" },
      { "Sales fell in March 2019, the company said.", "March 2019", "DATE", "2019-03" },
      { "The plant opened in 2018 near the river.", "2018", "DATE", "2018" },
      { "Prices soared in the 1990s before the crash.", "the 1990s", "DATE", "199" },
      { "Output has slowed since mid-2019, analysts said.", "mid-2019", "DATE", "2019" },
    }
  end)

  it("reads clock times, with the day that follows them", function()
    check{
      { "The vote opens at 10:30 a.m. EST on the floor.", "10:30 a.m. EST", "TIME",
        "2020-02-13T10:30" },
      { "Voting ends at 10 p.m. Wednesday, officials said.", "10 p.m. Wednesday", "TIME",
        "2020-02-12T22:00" },
    }
  end)

  it("takes a bare weekday as the latest one unless a future word precedes it", function()
    check{
      { "The minister resigned on Tuesday after the vote.", "Tuesday", "DATE", "2020-02-11" },
      { "Police said Thursday that two men were held.", "Thursday", "DATE", "2020-02-13" },
      { "The board will meet on Monday to decide.", "Monday", "DATE", "2020-02-17" },
      -- TimeBank values "Friday night" as the day; "last night" keeps the part of day
      { "The talks collapsed Friday night in Geneva.", "Friday night", "DATE", "2020-02-07" },
      { "Two people died in the fire last night.", "last night", "TIME", "2020-02-12TNI" },
    }
  end)

  it("resolves words relative to the article's date", function()
    check{
      { "The bank raised rates yesterday, traders said.", "yesterday", "DATE", "2020-02-12" },
      { "Exports fell last month to a four-year low.", "last month", "DATE", "2020-01" },
      { "He was arrested two weeks ago in Lyon.", "two weeks ago", "DATE", "2020-W05" },
      { "Elections are due next year, the party said.", "next year", "DATE", "2021" },
      { "Shares slid earlier this week on virus fears.", "earlier this week", "DATE", "2020-W07" },
      { "Profit rose in the third quarter of 2018.", "the third quarter of 2018", "DATE", "2018-Q3" },
    }
  end)

  it("reads earnings news the way it is meant", function()
    local text = "Third-quarter profit rose 5%. Sales in the quarter rose, as they had a year earlier."
    local dates = lede.article{ text = text, date = DAY }:dates()
    -- the quarter just reported is the last one; "a year earlier" is that quarter a year back
    assert.same({ "2019-Q3", "2019-Q4", "2018-Q4" }, { find(dates, "Third-quarter").value,
      find(dates, "the quarter").value, find(dates, "a year earlier").value })
  end)

  it("marks present and past references", function()
    check{
      { "The company is now worth $2 billion.", "now", "DATE", "PRESENT_REF" },
      { "She recently left the cabinet.", "recently", "DATE", "PAST_REF" },
    }
  end)

  it("reads durations and sets", function()
    check{
      { "He spent three years in prison.", "three years", "DURATION", "P3Y" },
      { "In the last twenty four hours the river rose.", "the last twenty four hours", "DURATION",
        "PT24H" },
      { "The market is held every Monday in the square.", "every Monday", "SET", "XXXX-WXX-1" },
      { "The paper is printed daily in Leeds.", "daily", "SET", "P1D" },
    }
  end)

  it("reads holidays by their calendar rules", function()
    check{
      { "Stores reported record sales over Thanksgiving Day.", "Thanksgiving Day", "DATE",
        "2019-11-28" },
      { "The parade was cancelled last Christmas after a storm.", "last Christmas", "DATE",
        "2019-12-25" },
      { "Churches will be full on Easter Sunday, the bishop said.", "Easter Sunday", "DATE",
        "2020-04-12" },
      { "Turnout on Election Day 2016 was the highest in decades.", "Election Day 2016", "DATE",
        "2016-11-08" },
      { "Crowds are expected in Rome during Easter week.", "Easter week", "DATE", "2020-W15" },
    }
  end)

  it("reads years said in words", function()
    check{
      { "The firm was founded in nineteen ninety-six by two brothers.", "nineteen ninety-six",
        "DATE", "1996" },
      { "Few computers were ready for the year two thousand.", "the year two thousand", "DATE",
        "2000" },
      { "He left Havana in January nineteen ninety-seven.", "January nineteen ninety-seven",
        "DATE", "1997-01" },
      { "Snow fell for weeks in the winter of nineteen ninety-four.",
        "the winter of nineteen ninety-four", "DATE", "1994-WI" },
      { "Music has flourished in the nineties and into the 20th century.", "the nineties",
        "DATE", "199" },
      { "It was the bloodiest war of the 20th century.", "the 20th century", "DATE", "19" },
    }
  end)

  it("reads fiscal quarters and years the way earnings news writes them", function()
    check{
      { "The retailer lost money in its fiscal first quarter.", "its fiscal first quarter",
        "DATE", "2020-Q1" },
      { "Analysts expect a rebound in this year's second quarter.",
        "this year's second quarter", "DATE", "2020-Q2" },
      { "Third quarter sales fell 4% from a year earlier.", "Third quarter", "DATE", "2019-Q3" },
      { "In the fiscal year ended Jan. 31, the chain earned $12 million.", "the fiscal year",
        "DURATION", "P1Y" },
      { "The company expects a loss for the full year.", "the full year", "DATE", "2020" },
    }
  end)

  it("reads vague references to the past, present and future", function()
    check{
      { "Analysts see little relief in the near term for exporters.", "the near term", "DATE",
        "FUTURE_REF" },
      { "The hearing was postponed to a later date.", "a later date", "DATE", "FUTURE_REF" },
      { "Few bankers travel these days without a bodyguard.", "these days", "DATE",
        "PRESENT_REF" },
      { "The mine closed several years ago, residents said.", "several years ago", "DATE",
        "PAST_REF" },
      { "Sales have doubled over the past year, the firm said.", "the past year", "DATE", "2019" },
      { "Rents rose sharply over the last decade.", "the last decade", "DATE", "201" },
      { "Floods hit the region this past spring.", "this past spring", "DATE", "2019-SP" },
      { "Talks stalled in mid-November over fishing rights.", "mid-November", "DATE", "2019-11" },
    }
  end)

  it("reads counts with words between, halves, compounds and seasons", function()
    check{
      { "The appeal could take 2 1/2 years to resolve.", "2 1/2 years", "DURATION", "P2Y6M" },
      { "Rescuers worked for 5 1/2 hours in the rubble.", "5 1/2 hours", "DURATION", "PT5H30M" },
      { "The ceasefire was extended by two more weeks.", "two more weeks", "DURATION", "P2W" },
      { "The lender granted an additional year to repay.", "an additional year", "DURATION",
        "P1Y" },
      { "Shares fell for eight trading days in a row.", "eight trading days", "DURATION", "P8D" },
      { "The dispute has dragged on for almost a hundred years.", "a hundred years", "DURATION",
        "P100Y" },
      { "Rates should stay low for the next couple of years.", "the next couple of years",
        "DURATION", "P2Y" },
      { "Unions called a day-long strike at the port.", "day-long", "DURATION", "P1D" },
      { "The bank signed a several-year contract with the city.", "several-year", "DURATION",
        "PXY" },
      { "The virus could spread worldwide within weeks.", "weeks", "DURATION", "PXW" },
      { "Fires raged across the state during the summer.", "the summer", "DATE", "2019-SU" },
    }
  end)

  it("reads deadlines, year-ends and sets of named days", function()
    check{
      { "The bridge loan must be paid down by June.", "June", "DATE", "2020-06" },
      { "The company plans to cut 6,000 jobs by year-end.", "year-end", "DATE", "2020-12-31" },
      { "The index has fallen 8% since year-end.", "year-end", "DATE", "2019-12-31" },
      { "The club meets on Tuesday nights in the church hall.", "Tuesday nights", "SET",
        "XXXX-WXX-2TNI" },
      { "The festival returns each July to the old port.", "each July", "SET", "XXXX-07" },
    }
  end)

  it("reads the quarter of a year before in earnings news", function()
    local text = "Third-quarter profit rose 5%. Sales in the quarter a year ago were lower, and "
      .. "last year's quarter had a loss."
    local dates = lede.article{ text = text, date = DAY }:dates()
    assert.same({ "2018-Q4", "2018-Q4" }, { find(dates, "the quarter a year ago").value,
      find(dates, "last year's quarter").value })
  end)

  it("reads a weekday after a word of planning as the coming one", function()
    check{
      { "Protesters planned a large demonstration in the capital on Saturday.", "Saturday",
        "DATE", "2020-02-15" },
    }
  end)

  it("reads a weekday as the coming one when its clause speaks of the future", function()
    check{
      -- a verb of forecasting far before the weekday, with no word of the past between
      { "Forecasters expect the storm to reach the coast of northern Portugal and the Spanish "
        .. "region of Galicia late on Wednesday.", "Wednesday", "DATE", "2020-02-19" },
      { "Waves of eight to nine metres are forecast off Galicia's Costa da Morte on Wednesday "
        .. "night.", "Wednesday night", "DATE", "2020-02-19" },
      { "Authorities said schools in the most exposed districts would close on Monday.", "Monday",
        "DATE", "2020-02-17" },
      { "The Commerce Department will publish its preferred inflation gauge, the personal "
        .. "consumption expenditures price index, on Friday.", "Friday", "DATE", "2020-02-14" },
      { "The minister is to visit the flooded valleys on Tuesday.", "Tuesday", "DATE", "2020-02-18" },
      { "Chinese and E.U. officials are due to meet in Brussels on Monday.", "Monday", "DATE",
        "2020-02-17" },
      -- the verb comes after a weekday that opens the sentence or a "when" clause
      { "On Monday, the board will vote on the merger.", "Monday", "DATE", "2020-02-17" },
      { "The envoys arrive in Geneva on Tuesday, when ministers will meet to sign the accord.",
        "Tuesday", "DATE", "2020-02-18" },
    }
  end)

  it("keeps a weekday in the past when its own verb is past", function()
    check{
      -- the future is the reported speech, the weekday dates the saying
      { "Police said Tuesday that the suspect will appear in court.", "Tuesday", "DATE",
        "2020-02-11" },
      { "Cuba predicted Wednesday that the exiles will try to delay the ruling.", "Wednesday",
        "DATE", "2020-02-12" },
      -- a plan that is itself past, an event named by the weekday, a noun phrase with "next"
      { "The offer had been due to expire on Friday.", "Friday", "DATE", "2020-02-07" },
      { "The relatives said they would look for ways around Wednesday's ruling.", "Wednesday's",
        "DATE", "2020-02-12" },
      { "Traders now see a 70 percent chance of a cut at the Fed's next meeting, up from 45 "
        .. "percent on Tuesday.", "Tuesday", "DATE", "2020-02-11" },
      -- the future word is in another clause
      { "Officials hope she will bring aid to Nairobi, where the blasts on Friday killed 200 people.",
        "Friday", "DATE", "2020-02-07" },
    }
  end)

  it("reads a month-day half a year ahead as the coming one when it is a deadline or a plan",
    function()
    local june = "1987-06-02"
    check({
      { "The government ordered 82 companies to repay part of their loans by December 31.",
        "December 31", "DATE", "1987-12-31" },
      { "The warrant price will remain three dollars a share for the period from July 1 to "
        .. "December 31.", "December 31", "DATE", "1987-12-31" },
      { "The licence expires December 31, the ministry said.", "December 31", "DATE",
        "1987-12-31" },
      -- reports of what has happened keep the past one
      { "The company lost $2 million in the six months ended December 31.", "December 31",
        "DATE", "1986-12-31" },
      { "There were 603,106 shares outstanding as of December 31.", "December 31", "DATE",
        "1986-12-31" },
    }, june)
    -- a deadline just passed is the one just passed, not next year's
    check({ { "The agency ordered the boy returned to his father by Jan. 14.", "Jan. 14", "DATE",
      "2000-01-14" } }, "2000-01-15")
  end)

  it("does not take the modal verb, a bare number or an age for a date", function()
    local a = lede.article{ text = "Officials may raise 5,000 troops for the 6-year-old king.", date = DAY }
    assert.same({}, a:dates())
    -- a share is not three months, an ordinal is not a second, a count is not a year
    a = lede.article{ text = "She won three-quarters of the vote and a quarter of the seats, "
      .. "a second term for a party two thousand years old with twelve hundred members.", date = DAY }
    assert.same({}, a:dates())
  end)

  it("does not read the numbers of a price table as years", function()
    local text = "Robusta prices eased at the auction. Grades fetched, in shillings per "
      .. "50 kilos, with the previous sale's in brackets: AA 1925 2410(1960 2385) AB 1780 2150(1805 "
      .. "2190) C 1450 1890(1480 1905). Some 2000 tonnes were offered, against 1950 tonnes in "
      .. "1986 and 1,870 in 1985."
    local values = {}
    for _, d in ipairs(lede.article{ text = text, date = "1987-04-07" }:dates()) do
      values[#values + 1] = d.value
    end
    assert.same({ "1986", "1985" }, values)
  end)

  it("reads a bare year with a word of time before it or alone in running text", function()
    check({
      { "The cooperative was founded in 1898 by a group of growers.", "1898", "DATE", "1898" },
      { "Exports have fallen 44 pct since 1962, the board said.", "1962", "DATE", "1962" },
      { "1986 was the worst year for the crop since the drought.", "1986", "DATE", "1986" },
      { "Output rose to 11,000 tonnes from 5,600 tonnes, against 9,800 in 1984 and 1985 "
        .. "combined.", "1984", "DATE", "1984" },
    }, "1987-04-07")
  end)

  it("leaves relative dates unresolved without any date", function()
    local a = lede.article("The strike began last month and ended on Tuesday.")
    local d = find(a:dates(), "last month")
    assert.same({ "XXXX-XX", true }, { d.value, d.unresolved })
    assert.same("XXXX-XX-XX", find(a:dates(), "Tuesday").value)
  end)

  it("falls back to a date written on a line of its own", function()
    local a = lede.article("Storm hits coast\n\nFriday, July 21, 2017\n\nThe storm arrived on Tuesday.")
    local d = find(a:dates(), "Tuesday")
    assert.same({ "2017-07-18", true, false }, { d.value, d.fallback, d.unresolved })
  end)

  it("survives hostile input", function()
    local a = lede.article{ text = ("Feb. 31, 2020 99:99 the 19s mid- every \0\255 "):rep(50), date = DAY }
    assert.is_table(a:dates())
  end)
end)
