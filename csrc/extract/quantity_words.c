/* quantity_words — the vocabulary of quantities. Every list is sorted (lede_wordlist_find does a
 * binary search) and its values sit in a parallel array of the same length. */
#include "extract/quantity_words.h"

#include <string.h>

#include "text/wordlist.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define LOOKUP(base, w, len) lede_wordlist_find(base##_words, COUNT(base##_words), (w), (len))
#define SAME_LENGTH(base)                                                                           \
    _Static_assert(COUNT(base##_words) == COUNT(base##_values), #base ": words and values differ")

static const char *const number_words[] = {
    "dozen", "eight", "eighteen", "eighty", "eleven", "fifteen", "fifty", "five", "forty", "four",
    "fourteen", "nine", "nineteen", "ninety", "one", "seven", "seventeen", "seventy", "six",
    "sixteen", "sixty", "ten", "thirteen", "thirty", "three", "twelve", "twenty", "two", "zero",
};
static const double number_values[] = {
    12, 8, 18, 80, 11, 15, 50, 5, 40, 4, 14, 9, 19, 90, 1, 7, 17, 70, 6, 16, 60, 10, 13, 30, 3, 12,
    20, 2, 0,
};

static const char *const multiplier_words[] = {
    "billion", "bln", "bn", "hundred", "k", "million", "mln", "mn", "thousand", "tn", "trillion",
    "trn",
};
static const double multiplier_values[] = {
    1e9, 1e9, 1e9, 1e2, 1e3, 1e6, 1e6, 1e6, 1e3, 1e12, 1e12, 1e12,
};

static const char *const vague_words[] = {
    "billions", "dozens", "hundreds", "millions", "scores", "tens", "thousands",
};
static const double vague_values[] = {
    1e9, 12, 1e2, 1e6, 20, 10, 1e3,
};

static const char *const fraction_words[] = {
    "fifth", "five-eighths", "five-sixths", "five-tenths", "four-eighths", "four-fifths",
    "four-sixths", "four-tenths", "half", "nine-tenths", "one-eighths", "one-fifth", "one-fifths",
    "one-half", "one-halves", "one-quarter", "one-quarters", "one-sixths", "one-tenth",
    "one-tenths", "one-third", "one-thirds", "quarter", "seven-eighths", "seven-tenths", "tenth",
    "third", "three-eighths", "three-fifths", "three-quarters", "three-sixths", "three-tenths",
    "two-eighths", "two-fifths", "two-quarters", "two-sixths", "two-tenths", "two-thirds",
};
static const double fraction_values[] = {
    1.0 / 5, 5.0 / 8, 5.0 / 6, 5.0 / 10, 4.0 / 8, 4.0 / 5, 4.0 / 6, 4.0 / 10, 1.0 / 2, 9.0 / 10,
    1.0 / 8, 1.0 / 5, 1.0 / 5, 1.0 / 2, 1.0 / 2, 1.0 / 4, 1.0 / 4, 1.0 / 6, 1.0 / 10, 1.0 / 10,
    1.0 / 3, 1.0 / 3, 1.0 / 4, 7.0 / 8, 7.0 / 10, 1.0 / 10, 1.0 / 3, 3.0 / 8, 3.0 / 5, 3.0 / 4,
    3.0 / 6, 3.0 / 10, 2.0 / 8, 2.0 / 5, 2.0 / 4, 2.0 / 6, 2.0 / 10, 2.0 / 3,
};

static const char *const currency_words[] = {
    "cents", "dollar", "dollars", "eur", "euro", "euros", "francs", "gbp", "jpy", "pence", "pesos",
    "pound", "pounds", "renminbi", "roubles", "rubles", "rupee", "rupees", "sterling", "usd",
    "yen", "yuan",
};
static const char *const currency_values[] = {
    "cent", "USD", "USD", "EUR", "EUR", "EUR", "CHF", "GBP", "JPY", "pence", "MXN", "GBP", "GBP",
    "CNY", "RUB", "RUB", "INR", "INR", "GBP", "USD", "JPY", "CNY",
};

static const char *const unit_words[] = {
    "acre", "acres", "barrel", "barrels", "bpd", "centimeter", "centimeters", "centimetre",
    "centimetres", "cm", "degree", "degrees", "feet", "foot", "ft", "gallon", "gallons",
    "gigawatt", "gigawatts", "gram", "grams", "gw", "ha", "hectare", "hectares", "inch", "inches",
    "kg", "kgs", "kilo", "kilogram", "kilograms", "kilometer", "kilometers", "kilometre",
    "kilometres", "kilos", "km", "kmh", "kms", "knots", "kph", "kwh", "liter", "liters", "litre",
    "litres", "megawatt", "megawatts", "meter", "meters", "metre", "metres", "mi", "mile", "miles",
    "millimeter", "millimeters", "millimetre", "millimetres", "mm", "mph", "mw", "t", "ton",
    "tonne", "tonnes", "tons",
};
static const char *const unit_values[] = {
    "acre", "acre", "barrel", "barrel", "barrel", "cm", "cm", "cm", "cm", "cm", "degree", "degree",
    "foot", "foot", "foot", "gallon", "gallon", "GW", "GW", "g", "g", "GW", "hectare", "hectare",
    "hectare", "inch", "inch", "kg", "kg", "kg", "kg", "kg", "km", "km", "km", "km", "kg", "km",
    "km/h", "km", "knot", "km/h", "kWh", "litre", "litre", "litre", "litre", "MW", "MW", "m", "m",
    "m", "m", "mile", "mile", "mile", "mm", "mm", "mm", "mm", "mm", "mph", "MW", "tonne", "tonne",
    "tonne", "tonne", "tonne",
};

static const char *const cue_words[] = {
    "about", "above", "almost", "approx", "approximately", "around", "below", "circa", "estimated",
    "nearly", "over", "roughly", "some", "under",
};
static const lede_approx cue_values[] = {
    LEDE_APPROX_ABOUT, LEDE_APPROX_MORE_THAN, LEDE_APPROX_ABOUT, LEDE_APPROX_ABOUT,
    LEDE_APPROX_ABOUT, LEDE_APPROX_ABOUT, LEDE_APPROX_LESS_THAN, LEDE_APPROX_ABOUT,
    LEDE_APPROX_ABOUT, LEDE_APPROX_ABOUT, LEDE_APPROX_MORE_THAN, LEDE_APPROX_ABOUT,
    LEDE_APPROX_ABOUT, LEDE_APPROX_LESS_THAN,
};

static const char *const month_words[] = {
    "apr", "apr.", "april", "aug", "aug.", "august", "dec", "dec.", "december", "feb", "feb.",
    "february", "jan", "jan.", "january", "jul", "jul.", "july", "jun", "jun.", "june", "mar",
    "mar.", "march", "may", "nov", "nov.", "november", "oct", "oct.", "october", "sep", "sep.",
    "sept", "sept.", "september",
};

static const char *const label_words[] = {
    "act", "article", "bus", "chapter", "clause", "episode", "flight", "game", "gate", "grade",
    "highway", "interstate", "level", "line", "no", "no.", "nos.", "number", "p.", "page", "pages",
    "paragraph", "platform", "pp.", "psalm", "resolution", "room", "round", "route", "rule",
    "season", "section", "stage", "verse", "week",
};

SAME_LENGTH(number);
SAME_LENGTH(multiplier);
SAME_LENGTH(vague);
SAME_LENGTH(fraction);
SAME_LENGTH(currency);
SAME_LENGTH(unit);
SAME_LENGTH(cue);

double lede_qw_number(const char *w, size_t len)
{
    int i = LOOKUP(number, w, len);
    if (i >= 0)
        return number_values[i];
    /* "twenty-four": a multiple of ten, a hyphen, a digit's name. */
    const char *dash = memchr(w, '-', len);
    if (!dash)
        return -1;
    size_t head = (size_t)(dash - w);
    int t = LOOKUP(number, w, head), o = LOOKUP(number, dash + 1, len - head - 1);
    if (t < 0 || o < 0)
        return -1;
    double tens = number_values[t], ones = number_values[o];
    if (tens < 20 || (int)tens % 10 != 0 || ones < 1 || ones > 9)
        return -1;
    return tens + ones;
}

double lede_qw_multiplier(const char *w, size_t len)
{
    int i = LOOKUP(multiplier, w, len);
    return i >= 0 ? multiplier_values[i] : 0;
}

double lede_qw_vague(const char *w, size_t len)
{
    int i = LOOKUP(vague, w, len);
    return i >= 0 ? vague_values[i] : 0;
}

double lede_qw_fraction(const char *w, size_t len, int *needs_of)
{
    int i = LOOKUP(fraction, w, len);
    if (i < 0)
        return 0;
    *needs_of = memchr(w, '-', len) == NULL;
    return fraction_values[i];
}

const char *lede_qw_currency_word(const char *w, size_t len)
{
    int i = LOOKUP(currency, w, len);
    return i >= 0 ? currency_values[i] : NULL;
}

const char *lede_qw_currency_symbol(const char *s, size_t len, size_t *width)
{
    static const struct { const char *bytes; const char *code; } symbols[] = {
        { "$", "USD" }, { "\xE2\x82\xAC", "EUR" }, { "\xC2\xA3", "GBP" }, { "\xC2\xA5", "JPY" },
        { "\xE2\x82\xB9", "INR" },
    };
    for (size_t i = 0; i < COUNT(symbols); i++) {
        size_t n = strlen(symbols[i].bytes);
        if (len >= n && memcmp(s, symbols[i].bytes, n) == 0) {
            *width = n;
            return symbols[i].code;
        }
    }
    return NULL;
}

const char *lede_qw_unit(const char *w, size_t len)
{
    int i = LOOKUP(unit, w, len);
    return i >= 0 ? unit_values[i] : NULL;
}

lede_approx lede_qw_cue(const char *w, size_t len)
{
    int i = LOOKUP(cue, w, len);
    return i >= 0 ? cue_values[i] : LEDE_APPROX_NONE;
}

int lede_qw_is_month(const char *w, size_t len)
{
    return LOOKUP(month, w, len) >= 0;
}

int lede_qw_is_label(const char *w, size_t len)
{
    return LOOKUP(label, w, len) >= 0;
}
