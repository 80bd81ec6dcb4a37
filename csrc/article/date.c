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

/* The inverse of days_from_civil. */
static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

void lede_date_from_epoch(int64_t epoch, lede_date *out)
{
    memset(out, 0, sizeof *out);
    int64_t days = floor_div(epoch, 86400), secs = epoch - days * 86400;
    civil_from_days(days, &out->year, &out->month, &out->day);
    out->hour = (int)(secs / 3600);
    out->minute = (int)(secs / 60 % 60);
    out->second = (int)(secs % 60);
    out->precision = LEDE_DATE_SECOND;
    out->has_offset = 1;
    out->epoch = epoch;
}

void lede_date_iso_week(const lede_date *d, int *year, int *week)
{
    int64_t days = days_from_civil(d->year, d->month, d->day);
    int weekday = (int)(((days % 7) + 7 + 3) % 7); /* 0 = Monday: 1970-01-01 was a Thursday */
    int64_t thursday = days - weekday + 3;        /* a week belongs to the year of its Thursday */
    int ty, tm, td;
    civil_from_days(thursday, &ty, &tm, &td);
    *year = ty;
    *week = (int)((thursday - days_from_civil(ty, 1, 1)) / 7 + 1);
}
