-- Quantities: number + unit or counted noun, with value, unit, approximation and ranges.
local lede = require("lede")

local function quantities(text)
  return lede.article(text):quantities()
end

-- The one quantity whose text is `span`; fails when there is none.
local function find(text, span)
  for _, q in ipairs(quantities(text)) do
    if q.text == span then
      assert.are.equal(span, text:sub(q.start, q.stop))
      return q
    end
  end
  error("no quantity " .. span .. " in: " .. text)
end

local function near(expected, actual)
  assert.is_true(math.abs(expected - actual) <= 1e-9 * math.max(1, math.abs(expected)),
    ("expected %s, got %s"):format(expected, actual))
end

local cases = {
  { "NATO will send around 500 troops to Lithuania, officials said.", "around 500 troops", 500, "troops", "about" },
  { "The ministry said hundreds of trainers would arrive next month.", "hundreds of trainers", 100, "trainers", "at_least" },
  { "The company agreed to pay $2.5 billion to settle the claims.", "$2.5 billion", 2.5e9, "USD" },
  { "Annual inflation rose to 3.2 percent in March.", "3.2 percent", 3.2, "percent" },
  { "Inflation eased to 2.9 per cent, the statistics office said.", "2.9 per cent", 2.9, "percent" },
  { "Unemployment fell 0.3 percentage points to 4.1%.", "0.3 percentage points", 0.3, "percentage_points" },
  { "Unemployment fell 0.3 percentage points to 4.1%.", "4.1%", 4.1, "percent" },
  { "Two-thirds of voters backed the measure.", "Two-thirds", 2 / 3, "fraction" },
  { "Half of the budget goes to defence.", "Half", 0.5, "fraction" },
  { "The fund raised €40 million from investors.", "€40 million", 4e7, "EUR" },
  { "Shares in the lender lost £1.2m in value.", "£1.2m", 1.2e6, "GBP" },
  { "Exports fell to ¥500 billion in the quarter.", "¥500 billion", 5e11, "JPY" },
  { "The country received US$3 billion in aid.", "US$3 billion", 3e9, "USD" },
  { "The group posted a profit of $2.5bn for the year.", "$2.5bn", 2.5e9, "USD" },
  { "The firm sold 1,000.50 dollars of bonds.", "1,000.50 dollars", 1000.5, "USD" },
  { "Twenty-four people were rescued from the rubble.", "Twenty-four people", 24, "people" },
  { "Police arrested a dozen protesters outside the embassy.", "a dozen protesters", 12, "protesters" },
  { "Tens of thousands of people marched through the capital.", "Tens of thousands of people", 1e4, "people", "at_least" },
  { "Thousands of homes lost power overnight.", "Thousands of homes", 1000, "homes", "at_least" },
  { "Floods destroyed more than 1,200 homes in the province.", "more than 1,200 homes", 1200, "homes", "more_than" },
  { "At least five people died in the attack.", "At least five people", 5, "people", "at_least" },
  { "The storm could bring up to 300 mm of rain.", "up to 300 mm", 300, "mm", "up_to" },
  { "As many as 40,000 people fled the fighting.", "As many as 40,000 people", 40000, "people", "up_to" },
  { "Fewer than 300 voters turned out.", "Fewer than 300 voters", 300, "voters", "less_than" },
  { "Output fell to less than 2 million barrels a day.", "less than 2 million barrels", 2e6, "barrel", "less_than" },
  { "Some 2,000 soldiers took part in the exercise.", "Some 2,000 soldiers", 2000, "soldiers", "about" },
  { "Roughly 30 hectares of forest burned.", "Roughly 30 hectares", 30, "hectare", "about" },
  { "Nearly 700 kilometres of road were closed.", "Nearly 700 kilometres", 700, "km", "about" },
  { "The winds reached 120 km/h on the coast.", "120 km/h", 120, "km/h" },
  { "The hurricane's winds topped 150 mph.", "150 mph", 150, "mph" },
  { "Temperatures hit 40°C in Seville.", "40°C", 40, "°C" },
  { "It was 25 degrees Celsius in the shade.", "25 degrees Celsius", 25, "°C" },
  { "The tanker carried 2 million barrels of crude.", "2 million barrels", 2e6, "barrel" },
  { "The bridge is 12 miles long.", "12 miles", 12, "mile" },
  { "The parcel weighed 20 kg at the border.", "20 kg", 20, "kg" },
  { "The company will build 1,200 new homes.", "1,200 new homes", 1200, "homes" },
}

describe("article:quantities", function()
  for _, c in ipairs(cases) do
    it(c[2], function()
      local q = find(c[1], c[2])
      near(c[3], q.value)
      assert.are.equal(c[4], q.unit)
      assert.are.equal(c[5], q.approx)
    end)
  end

  it("reads ranges: between 10 and 15 percent", function()
    local q = find("Prices rose between 10 and 15 percent last year.", "between 10 and 15 percent")
    assert.are.same({ 10, 15, "percent" }, { q.value, q.value_max, q.unit })
  end)

  it("reads ranges written with a hyphen: 10-15 percent", function()
    local q = find("Analysts expect a rise of 10-15 percent.", "10-15 percent")
    assert.are.same({ 10, 15, "percent" }, { q.value, q.value_max, q.unit })
  end)

  it("reads multiplied ranges: between 2 and 3 million people", function()
    local q = find("Between 2 and 3 million people live there.", "Between 2 and 3 million people")
    assert.are.same({ 2e6, 3e6 }, { q.value, q.value_max })
  end)

  it("has no value_max outside a range", function()
    assert.is_nil(find("About 500 troops left.", "About 500 troops").value_max)
  end)

  it("finds nothing in years, dates, times, ordinals and labels", function()
    local texts = {
      "The law was passed in 2019 after a long debate.",
      "The vote is set for Feb. 13 in Brussels.",
      "Talks resumed on 14 February in Geneva.",
      "The meeting started at 10:30 on Tuesday.",
      "He spoke at 9 am to reporters.",
      "It was the 5th time the court had ruled on the case.",
      "Flight 370 disappeared over the ocean.",
      "The 1990s were a decade of growth.",
      "Page 3 of the report was redacted.",
    }
    for _, text in ipairs(texts) do
      assert.are.same({}, quantities(text), text)
    end
  end)

  it("keeps a currency or unit on a year-like number", function()
    local q = find("The city spent $2019 on the signs and 2000 km of cable.", "2000 km")
    assert.are.equal(2000, q.value)
  end)

  it("does not take a bare number or a stopword for a quantity", function()
    assert.are.same({}, quantities("The score was 3 to 1 and the rest of them left."))
  end)

  it("survives odd input", function()
    for _, text in ipairs({ "", "$", "more than", "hundreds of", "between 5 and", "1-",
                            "\xff\xfe 12 \xc2", "a", "US$", "°C 40" }) do
      assert.is_table(quantities(text))
    end
  end)
end)
