/* query_lex — bytes to query tokens. The rules are those of docs/QUERY.md. */
#include "index/query_lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void qerror_vset(qerror *e, uint32_t pos, const char *fmt, va_list ap)
{
    if (e->failed)
        return; /* the first error is the one the user can act on */
    e->failed = 1;
    if (!e->buf || e->size == 0)
        return;
    int n = vsnprintf(e->buf, e->size, fmt, ap);
    if (n >= 0 && (size_t)n < e->size && pos != UINT32_MAX)
        snprintf(e->buf + n, e->size - (size_t)n, " at position %u", (unsigned)pos);
}

void qerror_set(qerror *e, uint32_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    qerror_vset(e, pos, fmt, ap);
    va_end(ap);
}

/* ---- Bytes ---------------------------------------------------------------------------------- */

/* Control bytes (NUL included) separate like spaces. */
static int is_space(unsigned char c) { return c <= ' ' || c == 0x7F; }

static int is_ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Letters, digits and every byte of a non-ASCII character (valid or not): what words are made of.
 * The tokenizer sorts out the non-ASCII ones when the compiler analyses the word. */
static int is_core(unsigned char c) { return is_ascii_letter(c) || is_digit(c) || c >= 0x80; }

/* Punctuation that may sit inside a word: "U.S.-led", "NATO's", "AT&T", "10:30", "a@b.org". */
static int is_joiner(unsigned char c) { return c != 0 && strchr("#$%&'+-./:@_", c) != NULL; }

/* What may end a word besides letters and digits: "U.S.", "5%", "C#", "C++". A trailing
 * apostrophe, hyphen or colon is dropped ("re: talks"). */
static int may_end_word(unsigned char c) { return is_core(c) || (c != 0 && strchr(".%#+", c) != NULL); }

static unsigned char byte_at(const qlexer *lx, size_t i)
{
    return i < lx->len ? (unsigned char)lx->text[i] : 0;
}

/* A word starts with a letter or digit, or with '#', '@' or '$' directly before one. */
static int word_starts(const qlexer *lx, size_t i)
{
    unsigned char c = byte_at(lx, i);
    if (i >= lx->len)
        return 0;
    return is_core(c) || ((c == '#' || c == '@' || c == '$') && is_core(byte_at(lx, i + 1)));
}

/* What an operator or a field name may apply to: a word, a phrase or a group. */
static int operand_starts(const qlexer *lx, size_t i)
{
    return word_starts(lx, i) || byte_at(lx, i) == '"' || byte_at(lx, i) == '(';
}

/* '+' and '-' are operators only where a clause can start. */
static int clause_starts(const qlexer *lx, size_t i)
{
    return i == 0 || is_space(byte_at(lx, i - 1)) || lx->text[i - 1] == '(';
}

static int same_name(const char *a, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)a[i], d = (unsigned char)name[i];
        if (d == 0 || (c | 0x20) != (d | 0x20))
            return 0;
    }
    return name[n] == 0;
}

/* Index of the field called text[0..n) (ASCII case ignored), or -1. */
static long field_index(const qlexer *lx, const char *name, size_t n)
{
    for (size_t k = 0; lx->opt->fields && lx->opt->fields[k]; k++)
        if (same_name(name, n, lx->opt->fields[k]))
            return (long)k;
    return -1;
}

/* ---- Dates ---------------------------------------------------------------------------------- */

#define DAY_SECONDS 86400

/* Seconds in the period a date names at its precision: its whole year, month, day, minute or
 * second. lede_date_parse gives the start; this gives the end. */
static int64_t period_length(const lede_date *d)
{
    static const unsigned char month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (d->year % 4 == 0 && d->year % 100 != 0) || d->year % 400 == 0;
    switch (d->precision) {
    case LEDE_DATE_YEAR: return (int64_t)(365 + leap) * DAY_SECONDS;
    case LEDE_DATE_MONTH:
        return (int64_t)(month_days[d->month - 1] + (d->month == 2 && leap)) * DAY_SECONDS;
    case LEDE_DATE_DAY: return DAY_SECONDS;
    case LEDE_DATE_MINUTE: return 60;
    default: return 1;
    }
}

static int date_period(const char *s, size_t n, int64_t *start, int64_t *end)
{
    lede_date d;
    if (n == 0 || lede_date_parse(s, n, &d) != LEDE_OK)
        return 0;
    *start = d.epoch;
    *end = d.epoch + period_length(&d);
    return 1;
}

typedef enum date_verdict { DATE_OK, DATE_INVALID, DATE_EMPTY_RANGE } date_verdict;

/* A date value: `A`, `A..B`, `>=A`, `>A`, `<A`, `<=A`, as [from, to). A reversed range is an
 * error in strict mode; lenient mode reads it the right way round. */
static date_verdict date_value(const char *s, size_t n, int strict, int64_t *from, int64_t *to)
{
    int64_t start, end;
    *from = INT64_MIN;
    *to = INT64_MAX;
    if (n >= 1 && (s[0] == '<' || s[0] == '>')) {
        int or_equal = n >= 2 && s[1] == '=';
        size_t skip = 1 + (size_t)or_equal;
        if (!date_period(s + skip, n - skip, &start, &end))
            return DATE_INVALID;
        if (s[0] == '>')
            *from = or_equal ? start : end;
        else
            *to = or_equal ? end : start;
        return DATE_OK;
    }
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n && !dots; i++)
        if (s[i] == '.' && s[i + 1] == '.')
            dots = s + i;
    if (!dots)
        return date_period(s, n, from, to) ? DATE_OK : DATE_INVALID;
    int64_t start2, end2;
    size_t left = (size_t)(dots - s);
    if (!date_period(s, left, &start, &end) ||
        !date_period(dots + 2, n - left - 2, &start2, &end2))
        return DATE_INVALID;
    if (start < end2) {
        *from = start;
        *to = end2;
    } else if (strict) {
        return DATE_EMPTY_RANGE;
    } else { /* 2021..2020: read as 2020..2021 */
        *from = start2;
        *to = end;
    }
    return DATE_OK;
}

/* Bytes a date value may hold: digits, '-', ':', 'T', '.', '+', 'Z', '<', '>', '='. A value ends
 * at the first other byte, so `date:2020,` is the year 2020 before a comma. */
static int in_date_value(unsigned char c)
{
    return is_core(c) || is_joiner(c) || c == '<' || c == '>' || c == '=';
}

/* `date:` at text[start..colon]: a DATE token, or 0 when the value is not a date (then the bytes
 * are read again as words, in lenient mode). */
static int lex_date(qlexer *lx, size_t start, size_t colon, qtok *t)
{
    size_t v = colon + 1, e = v;
    while (e < lx->len && in_date_value(byte_at(lx, e)))
        e++;
    int strict = lx->opt->mode == LEDE_QUERY_STRICT;
    if (e == v) {
        if (strict)
            qerror_set(lx->err, (uint32_t)start, "expected a date after '%.*s:'",
                       (int)(colon - start), lx->text + start);
        return 0;
    }
    date_verdict verdict = date_value(lx->text + v, e - v, strict, &t->from, &t->to);
    if (verdict != DATE_OK) {
        if (strict)
            qerror_set(lx->err, (uint32_t)v, "%s '%.*s'",
                       verdict == DATE_INVALID ? "invalid date" : "empty date range",
                       qerror_quoted(e - v), lx->text + v);
        return 0;
    }
    t->kind = QT_DATE;
    t->text = lx->text + v;
    t->len = e - v;
    lx->at = e;
    return 1;
}

/* ---- Words ---------------------------------------------------------------------------------- */

/* `name:` before a value: a field token, a date, an error (strict) or nothing (plain text). */
static int lex_field(qlexer *lx, size_t start, qtok *t)
{
    size_t k = start;
    if (!is_ascii_letter(byte_at(lx, k)))
        return 0;
    while (is_ascii_letter(byte_at(lx, k)) || is_digit(byte_at(lx, k)) || byte_at(lx, k) == '_')
        k++;
    if (byte_at(lx, k) != ':')
        return 0;
    const char *name = lx->text + start;
    size_t n = k - start;
    int strict = lx->opt->mode == LEDE_QUERY_STRICT;
    if (lx->opt->date_field && same_name(name, n, lx->opt->date_field))
        return lex_date(lx, start, k, t);
    long index = field_index(lx, name, n);
    if (!operand_starts(lx, k + 1)) {
        if (strict && index >= 0)
            qerror_set(lx->err, (uint32_t)start, "expected a term after '%.*s:'", (int)n, name);
        return 0; /* "re: talks", "http://": text */
    }
    if (index < 0) {
        if (strict)
            qerror_set(lx->err, (uint32_t)start, "unknown field '%.*s'", qerror_quoted(n), name);
        return 0;
    }
    t->kind = QT_FIELD;
    t->field = (size_t)index;
    lx->at = k + 1;
    return 1;
}

/* `NEAR(` or `NEAR/n(` at text[start..paren). */
static int lex_near(qlexer *lx, size_t start, size_t paren, qtok *t)
{
    const char *s = lx->text + start;
    size_t n = paren - start;
    if (n < 4 || memcmp(s, "NEAR", 4) != 0 || (n > 4 && s[4] != '/'))
        return 0;
    uint32_t distance = LEDE_QUERY_NEAR_DEFAULT;
    if (n > 4) {
        size_t i = 5;
        uint32_t d = 0;
        for (; i < n && is_digit((unsigned char)s[i]); i++)
            if (d <= LEDE_QUERY_NEAR_MAX) /* saturates: any larger number is out of range */
                d = d * 10 + (uint32_t)(s[i] - '0');
        int number = i > 5 && i == n;
        if (!number || d == 0 || d > LEDE_QUERY_NEAR_MAX) {
            if (lx->opt->mode == LEDE_QUERY_STRICT) {
                qerror_set(lx->err, (uint32_t)start, "invalid NEAR distance '%.*s'",
                           qerror_quoted(n - 5), s + 5);
                return 0;
            }
            d = !number ? LEDE_QUERY_NEAR_DEFAULT : d == 0 ? 1 : LEDE_QUERY_NEAR_MAX;
        }
        distance = d;
    }
    t->kind = QT_NEAR;
    t->distance = distance;
    t->text = s;
    t->len = n;
    lx->at = paren + 1;
    return 1;
}

static qtok_kind keyword(const char *s, size_t n)
{
    if (n == 3 && memcmp(s, "AND", 3) == 0)
        return QT_AND;
    if (n == 2 && memcmp(s, "OR", 2) == 0)
        return QT_OR;
    if (n == 3 && memcmp(s, "NOT", 3) == 0)
        return QT_NOT;
    return QT_END;
}

/* A field, a date, NEAR(, an operator word, a prefix or a plain word, at a word start. */
static void lex_word(qlexer *lx, qtok *t)
{
    size_t start = lx->at;
    if (lex_field(lx, start, t) || lx->err->failed)
        return;
    size_t end = start;
    while (end < lx->len && (is_core(byte_at(lx, end)) || is_joiner(byte_at(lx, end))))
        end++;
    if (byte_at(lx, end) == '(' && (lex_near(lx, start, end, t) || lx->err->failed))
        return;
    while (!may_end_word(byte_at(lx, end - 1)))
        end--; /* stops at the first byte, a letter or digit */
    t->text = lx->text + start;
    t->len = end - start;
    lx->at = end;
    qtok_kind k = lx->keywords && !lx->value_next ? keyword(t->text, t->len) : QT_END;
    if (k != QT_END) {
        t->kind = k;
        lx->nkeywords++;
    } else if (byte_at(lx, end) == '*') {
        t->kind = QT_PREFIX;
        lx->at = end + 1;
    } else {
        t->kind = QT_WORD;
    }
}

/* A phrase from the quote at lx->at to the next quote, or (unterminated) to the end. */
static void lex_phrase(qlexer *lx, qtok *t)
{
    size_t open = lx->at, close = open + 1;
    while (close < lx->len && lx->text[close] != '"')
        close++;
    if (close >= lx->len && lx->opt->mode == LEDE_QUERY_STRICT) {
        qerror_set(lx->err, (uint32_t)open, "unterminated phrase");
        return;
    }
    t->kind = QT_PHRASE;
    t->text = lx->text + open + 1;
    t->len = close - open - 1;
    t->empty = 1;
    for (size_t i = 0; i < t->len && t->empty; i++)
        t->empty = !is_core((unsigned char)t->text[i]);
    lx->at = close < lx->len ? close + 1 : close;
}

/* ---- Tokens --------------------------------------------------------------------------------- */

void qlex_init(qlexer *lx, const char *text, size_t len, const lede_parse_options *opt,
               qerror *err)
{
    memset(lx, 0, sizeof *lx);
    lx->text = text;
    lx->len = len;
    lx->opt = opt;
    lx->err = err;
    lx->keywords = 1;
}

void qlex_stop(qlexer *lx) { lx->at = lx->len; }

/* One token, or QT_END with nothing consumed when the byte at lx->at is only a separator. */
static qtok lex_one(qlexer *lx)
{
    qtok t = { .kind = QT_END, .pos = (uint32_t)lx->at };
    size_t i = lx->at;
    unsigned char c = byte_at(lx, i);
    int strict = lx->opt->mode == LEDE_QUERY_STRICT;
    if (c == '"') {
        lex_phrase(lx, &t);
    } else if (c == '(' || c == ')') {
        t.kind = c == '(' ? QT_LPAREN : QT_RPAREN;
        lx->at++;
    } else if ((c == '+' || c == '-') && clause_starts(lx, i)) {
        if (operand_starts(lx, i + 1))
            t.kind = c == '+' ? QT_PLUS : QT_MINUS;
        else if (strict)
            qerror_set(lx->err, (uint32_t)i, "expected a term after '%c'", c);
        lx->at++;
    } else if (word_starts(lx, i)) {
        lex_word(lx, &t);
    } else {
        if (c == '*' && strict)
            qerror_set(lx->err, (uint32_t)i, "'*' must follow a word");
        lx->at++; /* a separator */
    }
    return t;
}

qtok qlex_next(qlexer *lx)
{
    while (!lx->err->failed && lx->at < lx->len) {
        while (lx->at < lx->len && is_space(byte_at(lx, lx->at)))
            lx->at++;
        if (lx->at >= lx->len)
            break;
        qtok t = lex_one(lx);
        if (lx->err->failed)
            break;
        if (t.kind != QT_END) {
            t.end = (uint32_t)lx->at;
            lx->value_next = t.kind == QT_FIELD || t.kind == QT_PLUS || t.kind == QT_MINUS;
            return t;
        }
    }
    return (qtok){ .kind = QT_END, .pos = (uint32_t)lx->at };
}
