/* timex_calendar — day arithmetic and the TIMEX3 spelling of periods. */
#include <stdio.h>
#include "extract/timex.h"

/* Days since 1970-01-01, counting years from March so that the leap day comes last. */
int64_t tx_days(int year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

void tx_civil(int64_t days, int *year, int *month, int *day)
{
    lede_date d;
    lede_date_from_epoch(days * 86400, &d);
    *year = d.year, *month = d.month, *day = d.day;
}

int tx_weekday_of(int64_t days)
{
    return (int)(((days % 7) + 7 + 3) % 7) + 1; /* 1970-01-01 was a Thursday */
}

int tx_valid_day(int year, int month, int day)
{
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return 0;
    int y, m, d;
    tx_civil(tx_days(year, month, day), &y, &m, &d);
    return m == month; /* 31 April rolls over into May */
}

void tx_format_period(char *out, size_t cap, int64_t days, tx_unit unit, int offset)
{
    int y, m, d;
    if (unit == TX_DAY || unit == TX_WEEK || unit == TX_WEEKEND)
        days += (int64_t)offset * (unit == TX_DAY ? 1 : 7);
    tx_civil(days, &y, &m, &d);
    lede_date date = { .year = y, .month = m, .day = d };
    int wy, week;
    lede_date_iso_week(&date, &wy, &week);
    int months = y * 12 + (m - 1);
    switch (unit) {
    case TX_DAY:
        snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
        break;
    case TX_WEEK:
    case TX_WEEKEND:
        snprintf(out, cap, "%04d-W%02d%s", wy, week, unit == TX_WEEKEND ? "-WE" : "");
        break;
    case TX_MONTH:
        months += offset;
        snprintf(out, cap, "%04d-%02d", months / 12, months % 12 + 1);
        break;
    case TX_QUARTER: {
        int q = y * 4 + (m - 1) / 3 + offset;
        snprintf(out, cap, "%04d-Q%d", q / 4, q % 4 + 1);
        break;
    }
    case TX_HALF: {
        int h = y * 2 + (m - 1) / 6 + offset;
        snprintf(out, cap, "%04d-H%d", h / 2, h % 2 + 1);
        break;
    }
    case TX_DECADE:
        snprintf(out, cap, "%03d", y / 10 + offset);
        break;
    case TX_CENTURY:
        snprintf(out, cap, "%02d", y / 100 + offset);
        break;
    default:
        snprintf(out, cap, "%04d", y + offset);
        break;
    }
}

void tx_format_unresolved(char *out, size_t cap, tx_unit unit)
{
    static const char *const forms[] = {
        [TX_DAY] = "XXXX-XX-XX", [TX_WEEKEND] = "XXXX-WXX-WE", [TX_WEEK] = "XXXX-WXX",
        [TX_MONTH] = "XXXX-XX", [TX_QUARTER] = "XXXX-QX", [TX_HALF] = "XXXX-HX",
        [TX_YEAR] = "XXXX", [TX_DECADE] = "XXX", [TX_CENTURY] = "XX",
    };
    const char *f = (size_t)unit < sizeof forms / sizeof forms[0] && forms[unit] ? forms[unit]
                                                                               : "XXXX-XX-XX";
    snprintf(out, cap, "%s", f);
}
