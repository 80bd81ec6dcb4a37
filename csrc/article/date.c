/* date — ISO 8601 calendar dates and times, as articles carry them. */
#include <string.h>

#include "lede.h"

/* Reads exactly n digits at s[*i]; returns the value or -1. */
static int digits(const char *s, size_t len, size_t *i, int n)
{
    int v = 0;
    for (int k = 0; k < n; k++, (*i)++) {
        if (*i >= len || s[*i] < '0' || s[*i] > '9')
            return -1;
        v = v * 10 + (s[*i] - '0');
    }
    return v;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static lede_status parse_zone(const char *s, size_t len, size_t *i, lede_date *d)
{
    if (*i >= len)
        return LEDE_OK;
    if (s[*i] == 'Z' || s[*i] == 'z') {
        (*i)++;
        d->has_offset = 1;
        return LEDE_OK;
    }
    if (s[*i] != '+' && s[*i] != '-')
        return LEDE_ERR_INVALID;
    int sign = s[(*i)++] == '-' ? -1 : 1;
    int hh = digits(s, len, i, 2), mm = 0;
    if (hh < 0 || hh > 14)
        return LEDE_ERR_INVALID;
    if (*i < len) {
        if (s[*i] == ':')
            (*i)++;
        if ((mm = digits(s, len, i, 2)) < 0 || mm > 59)
            return LEDE_ERR_INVALID;
    }
    d->utc_offset_minutes = sign * (hh * 60 + mm);
    d->has_offset = 1;
    return LEDE_OK;
}

static lede_status parse_time(const char *s, size_t len, size_t *i, lede_date *d)
{
    (*i)++; /* 'T' or ' ' */
    if ((d->hour = digits(s, len, i, 2)) < 0 || d->hour > 23 || *i >= len || s[(*i)++] != ':' ||
        (d->minute = digits(s, len, i, 2)) < 0 || d->minute > 59)
        return LEDE_ERR_INVALID;
    d->precision = LEDE_DATE_MINUTE;
    if (*i < len && s[*i] == ':') {
        (*i)++;
        if ((d->second = digits(s, len, i, 2)) < 0 || d->second > 60)
            return LEDE_ERR_INVALID;
        d->precision = LEDE_DATE_SECOND;
        if (*i < len && (s[*i] == '.' || s[*i] == ',')) {
            (*i)++;
            int places = 0, ms = 0;
            while (*i < len && s[*i] >= '0' && s[*i] <= '9') {
                if (places++ < 3)
                    ms = ms * 10 + (s[*i] - '0');
                (*i)++;
            }
            if (places == 0)
                return LEDE_ERR_INVALID;
            for (; places < 3; places++)
                ms *= 10;
            d->millisecond = ms;
        }
    }
    return parse_zone(s, len, i, d);
}

lede_status lede_date_parse(const char *s, size_t len, lede_date *d)
{
    size_t i = 0;
    memset(d, 0, sizeof *d);
    d->month = d->day = 1;
    if (!s || (d->year = digits(s, len, &i, 4)) < 0)
        return LEDE_ERR_INVALID;
    d->precision = LEDE_DATE_YEAR;
    if (i < len) {
        if (s[i++] != '-' || (d->month = digits(s, len, &i, 2)) < 1 || d->month > 12)
            return LEDE_ERR_INVALID;
        d->precision = LEDE_DATE_MONTH;
    }
    if (i < len) {
        if (s[i++] != '-' || (d->day = digits(s, len, &i, 2)) < 1 ||
            d->day > days_in_month(d->year, d->month))
            return LEDE_ERR_INVALID;
        d->precision = LEDE_DATE_DAY;
    }
    if (i < len) {
        if (s[i] != 'T' && s[i] != 't' && s[i] != ' ')
            return LEDE_ERR_INVALID;
        lede_status st = parse_time(s, len, &i, d);
        if (st != LEDE_OK)
            return st;
    }
    if (i != len)
        return LEDE_ERR_INVALID;
    d->epoch = days_from_civil(d->year, d->month, d->day) * 86400 + d->hour * 3600 +
               d->minute * 60 + d->second - (int64_t)d->utc_offset_minutes * 60;
    return LEDE_OK;
}
