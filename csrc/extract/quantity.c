/*
 * quantity — quantities in an analysed article: an approximation cue, a number (digits, words, a
 * vague count or a fraction), multipliers, and a unit (currency, percentage, measure or the counted
 * noun). One left-to-right pass over each sentence's tokens; nothing crosses a sentence.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/quantity_words.h"
#include "lede.h"
#include "util/vec.h"

struct lede_quantity_list {
    lede_vec items; /* lede_quantity */
    lede_vec pool;  /* unit bytes, each NUL-terminated; pointers are set once it stops growing */
};

/* The tokens of one sentence and the text they index. */
typedef struct scan {
    const lede_token *t;
    size_t end; /* one past the sentence's last token */
    const char *text;
    size_t len;
} scan;

/* A quantity being read: the tokens [first, next) and what they say. */
typedef struct reading {
    size_t first, next;
    double value, value_max;
    int is_range;
    const char *currency;  /* from a symbol or a word */
    const char *unit;      /* a static unit name, or NULL */
    const lede_token *noun;/* the counted noun, when the unit is one */
    int multiplied, vague, percent, yearlike, spelled;
    lede_approx approx;
} reading;

static int is(const lede_token *t, const char *word)
{
    size_t n = strlen(word);
    return t->lower_len == n && memcmp(t->lower, word, n) == 0;
}

static int tok_is(const scan *s, size_t i, const char *word)
{
    return i < s->end && is(&s->t[i], word);
}

static int adjacent(const scan *s, size_t i)
{
    return i + 1 < s->end && s->t[i].span.end == s->t[i + 1].span.start;
}

/* ---- Digits --------------------------------------------------------------------------------- */

/* Reads "1,000.50" from w[*i]; returns the digits read (0 when none). */
static size_t read_decimal(const char *w, size_t len, size_t *i, double *value, int *plain)
{
    size_t digits = 0, k = *i;
    double v = 0, scale = 0;
    for (; k < len; k++) {
        char c = w[k];
        if (c >= '0' && c <= '9') {
            digits++;
            if (scale > 0) {
                v += (c - '0') * scale;
                scale /= 10;
            } else {
                v = v * 10 + (c - '0');
            }
        } else if (c == ',' && digits && scale == 0 && k + 1 < len && w[k + 1] >= '0' &&
                   w[k + 1] <= '9') {
            *plain = 0;
        } else if (c == '.' && scale == 0 && k + 1 < len && w[k + 1] >= '0' && w[k + 1] <= '9') {
            scale = 0.1;
            *plain = 0;
        } else {
            break;
        }
    }
    *i = k;
    *value = v;
    return digits;
}

/* A letter suffix glued to digits: "bn", "m", "k" multiply; "km", "kg" are units; "th", "s",
 * "am" and anything else rule the number out (returns 0). */
static int digit_suffix(reading *r, const char *w, size_t len)
{
    if (len == 0)
        return 1;
    double m = lede_qw_multiplier(w, len);
    if (len == 1 && w[0] == 'm')
        m = r->currency ? 1e6 : 0;
    if (m > 0) {
        r->value *= m;
        r->value_max *= m;
        r->multiplied = 1;
        return 1;
    }
    const char *unit = lede_qw_unit(w, len);
    if (len == 1 && w[0] == 'm')
        unit = "m";
    if (!unit || r->currency)
        return 0;
    r->unit = unit;
    return 1;
}

/* A number token: "$2.5bn", "3.2%", "1,200", "10-15", "£1.2m". Times, dates and ratios ("10:30",
 * "2/14"), ordinals ("5th") and decades ("1990s") give 0. */
static int read_digits(reading *r, const lede_token *t)
{
    const char *w = t->lower;
    size_t len = t->lower_len, i = 0, width;
    r->currency = lede_qw_currency_symbol(w, len, &width);
    if (r->currency)
        i = width;
    int plain = 1;
    size_t start = i, digits = read_decimal(w, len, &i, &r->value, &plain);
    if (!digits)
        return 0;
    r->value_max = r->value;
    r->yearlike = plain && !r->currency && i - start == 4 && r->value >= 1000 && r->value <= 2100;
    if (i < len && w[i] == '%') {
        r->percent = 1;
        i++;
    } else if (i + 1 < len && w[i] == '-' && w[i + 1] >= '0' && w[i + 1] <= '9') {
        i++;
        if (!read_decimal(w, len, &i, &r->value_max, &plain) || r->value_max <= r->value)
            return 0;
        r->is_range = 1;
        r->yearlike = 0;
        if (i < len && w[i] == '%') {
            r->percent = 1;
            i++;
        }
    }
    for (size_t k = i; k < len; k++)
        if (!(w[k] >= 'a' && w[k] <= 'z'))
            return 0;
    return digit_suffix(r, w + i, len - i);
}

/* ---- Words ---------------------------------------------------------------------------------- */

/* "a dozen", "five", "twenty-four", "hundreds of", "tens of thousands of", "two-thirds",
 * "half of". Sets r->next past what it read; 0 when token i starts no number. */
static int read_words(reading *r, const scan *s, size_t i)
{
    const lede_token *t = &s->t[i];
    int needs_of = 0;
    double v;
    if ((is(t, "a") || is(t, "an")) && i + 1 < s->end) {
        const lede_token *u = &s->t[i + 1];
        if (is(u, "dozen"))
            v = 12;
        else if ((v = lede_qw_multiplier(u->lower, u->lower_len)) < 100 ||
                 u->lower_len < 4) /* "a million", not "a k" */
            v = -1;
        if (v < 0) {
            v = lede_qw_fraction(u->lower, u->lower_len, &needs_of);
            if (v <= 0 || !needs_of || !tok_is(s, i + 2, "of"))
                return 0;
            r->value = r->value_max = v;
            r->unit = "fraction";
            r->next = i + 2;
            return 1;
        }
        r->value = r->value_max = v;
        r->spelled = 1;
        r->multiplied = v >= 100;
        r->next = i + 2;
        return 1;
    }
    if ((v = lede_qw_number(t->lower, t->lower_len)) >= 0) {
        r->value = r->value_max = v;
        r->spelled = 1;
        r->next = i + 1;
        return 1;
    }
    if ((v = lede_qw_fraction(t->lower, t->lower_len, &needs_of)) > 0) {
        if (needs_of && !tok_is(s, i + 1, "of"))
            return 0;
        r->value = r->value_max = v;
        r->unit = "fraction";
        r->next = i + 1;
        return 1;
    }
    /* Vague counts multiply down a chain: "tens of thousands of" is at least 10 × 1,000. */
    size_t k = i;
    double product = 1;
    while (k < s->end && (v = lede_qw_vague(s->t[k].lower, s->t[k].lower_len)) > 0 &&
           tok_is(s, k + 1, "of")) {
        product *= v;
        k += 2;
    }
    if (k == i)
        return 0;
    r->value = r->value_max = product;
    r->vague = 1;
    r->next = k;
    return 1;
}

/* ---- After the number ----------------------------------------------------------------------- */

/* "2.5 million", "two hundred thousand", "$40 m" (a lone "m" multiplies money only). */
static void read_multipliers(reading *r, const scan *s)
{
    while (r->next < s->end) {
        const lede_token *t = &s->t[r->next];
        double m = lede_qw_multiplier(t->lower, t->lower_len);
        if (is(t, "m") && r->currency)
            m = 1e6;
        if (m <= 0 || (t->lower_len == 1 && !r->currency && !is(t, "k")))
            return;
        r->value *= m;
        r->value_max *= m;
        r->multiplied = 1;
        r->next++;
    }
}

/* A word that may be the counted noun: a lower-case content word of letters. */
static int noun_like(const scan *s, size_t i)
{
    if (i >= s->end)
        return 0;
    const lede_token *t = &s->t[i];
    if (t->kind != LEDE_TOKEN_WORD || (t->flags & (LEDE_TOKEN_STOPWORD | LEDE_TOKEN_ABBREV |
                                                   LEDE_TOKEN_POSSESSIVE)) ||
        t->lower_len < 2 || t->span.start >= s->len)
        return 0;
    unsigned char c = (unsigned char)s->text[t->span.start];
    if (!(c >= 'a' && c <= 'z'))
        return 0;
    for (uint32_t k = 0; k < t->lower_len; k++)
        if (t->lower[k] >= '0' && t->lower[k] <= '9')
            return 0;
    if (lede_qw_number(t->lower, t->lower_len) >= 0 || lede_qw_vague(t->lower, t->lower_len) > 0)
        return 0;
    return t->lower_len < 3 || memcmp(t->lower + t->lower_len - 2, "ly", 2) != 0;
}

/* Adjectives worth stepping over before the noun, when a noun follows: "1,200 damaged homes". */
static int adjective_like(const lede_token *t)
{
    static const char *const endings[] = { "ed", "al", "ian", "ese", "ish", "ive", "ous", "ful",
                                           "ic", "ary", "new", "other", "more", "additional" };
    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++) {
        size_t n = strlen(endings[k]);
        if (t->lower_len > n && memcmp(t->lower + t->lower_len - n, endings[k], n) == 0)
            return 1;
        if (t->lower_len == n && memcmp(t->lower, endings[k], n) == 0)
            return 1;
    }
    return 0;
}

/* "percent", "per cent", "percentage points", a currency name, a measure, "°C", "km/h". */
static int read_unit(reading *r, const scan *s)
{
    size_t i = r->next;
    if (i >= s->end)
        return 0;
    const lede_token *t = &s->t[i];
    const char *name;
    if (is(t, "percent") || is(t, "pct") || (is(t, "per") && tok_is(s, i + 1, "cent"))) {
        r->percent = 1;
        r->next = i + (is(t, "per") ? 2 : 1);
        return 1;
    }
    if (is(t, "percentage") && (tok_is(s, i + 1, "points") || tok_is(s, i + 1, "point"))) {
        r->unit = "percentage_points";
        r->next = i + 2;
        return 1;
    }
    if (is(t, "us") && i + 1 < s->end && is(&s->t[i + 1], "dollars"))
        t = &s->t[++i];
    if ((name = lede_qw_currency_word(t->lower, t->lower_len)) != NULL && !r->currency) {
        r->currency = name;
        r->next = i + 1;
        return 1;
    }
    if (is(t, "\xC2\xB0") && adjacent(s, i) && (tok_is(s, i + 1, "c") || tok_is(s, i + 1, "f"))) {
        r->unit = is(&s->t[i + 1], "c") ? "\xC2\xB0" "C" : "\xC2\xB0" "F";
        r->next = i + 2;
        return 1;
    }
    if (is(t, "km") && adjacent(s, i) && tok_is(s, i + 1, "/") && adjacent(s, i + 1) &&
        tok_is(s, i + 2, "h")) {
        r->unit = "km/h";
        r->next = i + 3;
        return 1;
    }
    if ((name = lede_qw_unit(t->lower, t->lower_len)) != NULL && t->lower_len > 1) {
        r->unit = name;
        r->next = i + 1;
        if (strcmp(name, "degree") == 0 && (tok_is(s, i + 1, "celsius") || tok_is(s, i + 1, "c") ||
                                            tok_is(s, i + 1, "fahrenheit") || tok_is(s, i + 1, "f"))) {
            r->unit = s->t[i + 1].lower[0] == 'c' ? "\xC2\xB0" "C" : "\xC2\xB0" "F";
            r->next = i + 2;
        }
        return 1;
    }
    return 0;
}

/* The counted noun: "500 troops", "1,200 damaged homes", "hundreds of trainers". */
static int read_noun(reading *r, const scan *s)
{
    size_t i = r->next;
    if (noun_like(s, i) && adjective_like(&s->t[i]) && noun_like(s, i + 1))
        i++;
    if (!noun_like(s, i))
        return 0;
    r->noun = &s->t[i];
    r->next = i + 1;
    return 1;
}

/* ---- Around the number ---------------------------------------------------------------------- */

/* The cue that ends just before token i, not before `floor`: sets r->approx and r->first. */
static void read_cue(reading *r, const scan *s, size_t i, size_t floor)
{
    static const struct { const char *a, *b, *c; lede_approx approx; } phrases[] = {
        { "more", "than", NULL, LEDE_APPROX_MORE_THAN }, { "upwards", "of", NULL, LEDE_APPROX_MORE_THAN },
        { "in", "excess", "of", LEDE_APPROX_MORE_THAN }, { "at", "least", NULL, LEDE_APPROX_AT_LEAST },
        { "up", "to", NULL, LEDE_APPROX_UP_TO }, { "as", "many", "as", LEDE_APPROX_UP_TO },
        { "as", "much", "as", LEDE_APPROX_UP_TO }, { "at", "most", NULL, LEDE_APPROX_UP_TO },
        { "less", "than", NULL, LEDE_APPROX_LESS_THAN }, { "fewer", "than", NULL, LEDE_APPROX_LESS_THAN },
        { "just", "over", NULL, LEDE_APPROX_MORE_THAN }, { "just", "under", NULL, LEDE_APPROX_LESS_THAN },
    };
    for (size_t k = 0; k < sizeof phrases / sizeof phrases[0]; k++) {
        size_t n = phrases[k].c ? 3 : 2;
        if (i < floor + n)
            continue;
        size_t j = i - n;
        if (is(&s->t[j], phrases[k].a) && is(&s->t[j + 1], phrases[k].b) &&
            (n == 2 || is(&s->t[j + 2], phrases[k].c))) {
            r->approx = phrases[k].approx;
            r->first = j;
            return;
        }
    }
    if (i > floor) {
        lede_approx a = lede_qw_cue(s->t[i - 1].lower, s->t[i - 1].lower_len);
        if (a != LEDE_APPROX_NONE) {
            r->approx = a;
            r->first = i - 1;
        }
    }
}

/* Dates, times and labels: "Feb. 13", "13 February", "10 am", "No. 5", "page 3". */
static int excluded(const scan *s, size_t i, size_t sentence_first)
{
    if (i > sentence_first) {
        const lede_token *p = &s->t[i - 1];
        if (lede_qw_is_month(p->lower, p->lower_len) || lede_qw_is_label(p->lower, p->lower_len))
            return 1;
    }
    if (i + 1 < s->end) { /* what follows the number itself, before any unit was read */
        const lede_token *n = &s->t[i + 1];
        if (lede_qw_is_month(n->lower, n->lower_len) || is(n, "am") || is(n, "pm") ||
            is(n, "a.m.") || is(n, "p.m.") || is(n, "gmt") || is(n, "o'clock"))
            return 1;
    }
    return 0;
}

/* "between 10 and 15", "10 to 15 percent", "10 - 15": the top of the range after the number. */
static void read_range(reading *r, const scan *s, int between)
{
    size_t i = r->next;
    int joined = between ? tok_is(s, i, "and")
                         : tok_is(s, i, "to") || tok_is(s, i, "-") || tok_is(s, i, "\xE2\x80\x93");
    if (!joined || i + 1 >= s->end || s->t[i + 1].kind != LEDE_TOKEN_NUMBER)
        return;
    reading top;
    memset(&top, 0, sizeof top);
    if (!read_digits(&top, &s->t[i + 1]) || top.is_range || top.unit || top.value <= r->value ||
        (top.currency && top.currency != r->currency))
        return;
    r->value_max = top.value;
    r->is_range = 1;
    r->percent |= top.percent;
    r->yearlike = 0;
    r->next = i + 2;
}

/* Reads the quantity whose number starts at token i; 0 when there is none. `floor` is where the
 * previous quantity ended: cues are not looked for before it. */
static int read_at(reading *r, const scan *s, size_t i, size_t floor, size_t sentence_first)
{
    memset(r, 0, sizeof *r);
    r->first = i;
    const lede_token *t = &s->t[i];
    if (t->kind == LEDE_TOKEN_NUMBER) {
        if (!read_digits(r, t))
            return 0;
        r->next = i + 1;
    } else if (t->kind != LEDE_TOKEN_WORD || !read_words(r, s, i)) {
        return 0;
    }
    int between = i > floor && is(&s->t[i - 1], "between");
    if (!r->is_range && !r->vague)
        read_range(r, s, between);
    if (!r->vague && !r->unit)
        read_multipliers(r, s);
    if (r->vague)
        read_noun(r, s);
    else if (!r->unit && !r->percent && !r->currency && !read_unit(r, s))
        read_noun(r, s);
    else if (r->currency && !r->percent && !r->unit && !r->multiplied)
        read_multipliers(r, s);
    int has_unit = r->currency || r->percent || r->unit || r->noun;
    if (!has_unit && !(r->multiplied && !r->vague))
        return 0;
    if (r->vague && !r->noun)
        return 0;
    if (r->yearlike && !(r->currency || r->percent || r->unit))
        return 0;
    if (excluded(s, i, sentence_first))
        return 0;
    /* "US$3 billion": the country glued to the dollar sign. */
    if (r->currency && strcmp(r->currency, "USD") == 0 && t->kind == LEDE_TOKEN_NUMBER &&
        i > floor && is(&s->t[i - 1], "us") && adjacent(s, i - 1))
        r->first = i - 1;
    if (between && r->is_range)
        r->first = i - 1;
    else
        read_cue(r, s, r->first, floor);
    if (r->vague && r->approx == LEDE_APPROX_NONE)
        r->approx = LEDE_APPROX_AT_LEAST;
    return 1;
}

/* ---- The list ------------------------------------------------------------------------------- */

static lede_status add(lede_quantity_list *list, const reading *r, const scan *s)
{
    const char *unit = r->currency ? r->currency
                       : r->percent ? "percent"
                       : r->unit    ? r->unit
                       : r->noun    ? r->noun->lower
                                    : "";
    size_t unit_len = r->noun && unit == r->noun->lower ? r->noun->lower_len : strlen(unit);
    lede_quantity *q = lede_vec_push(&list->items);
    if (!q)
        return LEDE_ERR_NOMEM;
    q->span.start = s->t[r->first].span.start;
    q->span.end = s->t[r->next - 1].span.end;
    q->value = r->value;
    q->value_max = r->is_range ? r->value_max : r->value;
    q->is_range = r->is_range;
    q->approx = r->approx;
    q->unit_len = unit_len;
    /* The offset of the unit in the pool until the pool stops growing (see lede_quantities). */
    q->unit = (const char *)(uintptr_t)list->pool.len;
    lede_status st = lede_vec_append(&list->pool, unit, unit_len);
    return st != LEDE_OK ? st : lede_vec_append(&list->pool, "", 1);
}

lede_status lede_quantities(const lede_article *a, const char *text, size_t len,
                            lede_quantity_list **out)
{
    *out = NULL;
    if (!a || (!text && len))
        return LEDE_ERR_INVALID;
    lede_quantity_list *list = calloc(1, sizeof *list);
    if (!list)
        return LEDE_ERR_NOMEM;
    lede_vec_init(&list->items, sizeof(lede_quantity));
    lede_vec_init(&list->pool, 1);
    size_t nsent, ntok;
    const lede_sentence *sent = lede_article_sentences(a, &nsent);
    scan s = { lede_article_tokens(a, &ntok), 0, text ? text : "", len };
    lede_status st = LEDE_OK;
    for (size_t k = 0; k < nsent && st == LEDE_OK; k++) {
        size_t first = sent[k].first_token, i = first;
        s.end = first + sent[k].token_count;
        if (s.end > ntok)
            break; /* never: sentences cover the tokens */
        size_t floor = first;
        while (i < s.end && st == LEDE_OK) {
            reading r;
            if (read_at(&r, &s, i, floor, first) && s.t[r.next - 1].span.end <= len) {
                st = add(list, &r, &s);
                floor = i = r.next;
            } else {
                i++;
            }
        }
    }
    if (st != LEDE_OK) {
        lede_quantity_list_free(list);
        return st;
    }
    for (size_t k = 0; k < list->items.len; k++) {
        lede_quantity *q = &LEDE_VEC_AT(&list->items, lede_quantity, k);
        q->unit = (const char *)list->pool.data + (uintptr_t)q->unit;
    }
    *out = list;
    return LEDE_OK;
}

size_t lede_quantity_list_count(const lede_quantity_list *list)
{
    return list ? list->items.len : 0;
}

const lede_quantity *lede_quantity_list_at(const lede_quantity_list *list, size_t i)
{
    return list && i < list->items.len ? &LEDE_VEC_AT(&list->items, lede_quantity, i) : NULL;
}

void lede_quantity_list_free(lede_quantity_list *list)
{
    if (!list)
        return;
    lede_vec_free(&list->items);
    lede_vec_free(&list->pool);
    free(list);
}
