/*
 * timeutil.c - civil dates, local days and RFC 3339 (see timeutil.h).
 *
 * Dates use the proleptic Gregorian calendar. The day-number conversion
 * works in 400-year eras of 146,097 days, counting years from March so
 * that the leap day falls at the end of the year.
 */
#include "timeutil.h"

#include <stdio.h>

#define SECONDS_PER_DAY 86400
#define DAYS_PER_ERA 146097
#define DAYS_1970_FROM_0000_03_01 719468

/* Floor division for a possibly negative numerator and positive d. */
static int64_t
floor_div(int64_t n, int64_t d)
{
    int64_t q = n / d;

    if ((n % d != 0) && (n < 0))
        q--;
    return q;
}

int64_t
time_days_from_civil(int64_t y, unsigned m, unsigned d)
{
    int64_t era, yoe, doy, doe;

    if (m <= 2)
        y--;
    era = floor_div(y, 400);
    yoe = y - era * 400;                                   /* 0..399 */
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* 0..365 */
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* 0..146096 */
    return era * DAYS_PER_ERA + doe - DAYS_1970_FROM_0000_03_01;
}

void
time_civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d)
{
    int64_t z = days + DAYS_1970_FROM_0000_03_01;
    int64_t era = floor_div(z, DAYS_PER_ERA);
    int64_t doe = z - era * DAYS_PER_ERA;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;

    *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
    *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

int64_t
time_local_day(struct enc_time t)
{
    return floor_div(t.utc + t.offset, SECONDS_PER_DAY);
}

static bool
is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
days_in_month(int64_t y, unsigned m)
{
    static const unsigned days[12] = {31, 28, 31, 30, 31, 30,
                                      31, 31, 30, 31, 30, 31};

    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Reads exactly n decimal digits at s into *out; false if one is not. */
static bool
read_digits(const char *s, unsigned n, unsigned *out)
{
    unsigned v = 0;

    for (unsigned i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    *out = v;
    return true;
}

/* Parses "YYYY-MM-DD" at s (10 bytes available) into a valid date. */
static bool
parse_ymd(const char *s, unsigned *y, unsigned *m, unsigned *d)
{
    if (!read_digits(s, 4, y) || s[4] != '-' || !read_digits(s + 5, 2, m) ||
        s[7] != '-' || !read_digits(s + 8, 2, d))
        return false;
    if (*m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m))
        return false;
    return true;
}

bool
time_parse_date(const char *s, size_t len, int64_t *day)
{
    unsigned y, m, d;

    if (len != 10 || !parse_ymd(s, &y, &m, &d))
        return false;
    *day = time_days_from_civil(y, m, d);
    return true;
}

/* Parses "HH:MM:SS" at s (8 bytes available) into seconds of the day.
 * A leap second (:60) is refused: an instant cannot hold it. */
static bool
parse_hms(const char *s, int64_t *secs)
{
    unsigned h, mi, se;

    if (!read_digits(s, 2, &h) || s[2] != ':' || !read_digits(s + 3, 2, &mi) ||
        s[5] != ':' || !read_digits(s + 6, 2, &se))
        return false;
    if (h > 23 || mi > 59 || se > 59)
        return false;
    *secs = (int64_t)h * 3600 + mi * 60 + se;
    return true;
}

/* Parses the zone at s of n bytes: "Z", "z" or "+hh:mm" / "-hh:mm". */
static bool
parse_offset(const char *s, size_t n, int32_t *offset)
{
    unsigned h, m;

    if (n == 1 && (s[0] == 'Z' || s[0] == 'z')) {
        *offset = 0;
        return true;
    }
    if (n != 6 || (s[0] != '+' && s[0] != '-') || !read_digits(s + 1, 2, &h) ||
        s[3] != ':' || !read_digits(s + 4, 2, &m))
        return false;
    if (h > 23 || m > 59)
        return false;
    *offset = (int32_t)(h * 3600 + m * 60) * (s[0] == '-' ? -1 : 1);
    return true;
}

bool
time_parse_rfc3339(const char *s, size_t len, struct enc_time *out)
{
    unsigned y, m, d;
    int64_t secs;
    int32_t offset;
    size_t i = 19;

    if (len < 20 || !parse_ymd(s, &y, &m, &d) ||
        (s[10] != 'T' && s[10] != 't') || !parse_hms(s + 11, &secs))
        return false;

    /* A fraction of a second: at least one digit, then dropped. */
    if (s[i] == '.') {
        size_t start = ++i;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == start)
            return false;
    }
    if (!parse_offset(s + i, len - i, &offset))
        return false;
    out->utc = time_days_from_civil(y, m, d) * SECONDS_PER_DAY + secs - offset;
    out->offset = offset;
    return true;
}

/* Writes v (0 to 99) as two digits at buf[n]; returns the next index. */
static size_t
put_two(char *buf, size_t n, int v)
{
    buf[n] = (char)('0' + v / 10);
    buf[n + 1] = (char)('0' + v % 10);
    return n + 2;
}

size_t
time_format_rfc3339(struct enc_time t, char *buf)
{
    int64_t local = t.utc + t.offset;
    int64_t day = floor_div(local, SECONDS_PER_DAY);
    int64_t secs = local - day * SECONDS_PER_DAY;
    size_t n = time_format_date(day, buf);
    int32_t off = t.offset < 0 ? -t.offset : t.offset;

    /* Digits by hand: every answer writes its "now" (no printf). */
    buf[n++] = 'T';
    n = put_two(buf, n, (int)(secs / 3600));
    buf[n++] = ':';
    n = put_two(buf, n, (int)(secs / 60 % 60));
    buf[n++] = ':';
    n = put_two(buf, n, (int)(secs % 60));
    if (t.offset == 0) {
        buf[n++] = 'Z';
    } else {
        buf[n++] = t.offset < 0 ? '-' : '+';
        n = put_two(buf, n, (int)(off / 3600 % 100));
        buf[n++] = ':';
        n = put_two(buf, n, (int)(off / 60 % 60));
    }
    buf[n] = '\0';
    return n;
}

size_t
time_format_date(int64_t day, char *buf)
{
    int64_t y;
    unsigned m, d;
    int w;

    time_civil_from_days(day, &y, &m, &d);
    if (y >= 0 && y <= 9999) {
        size_t n = put_two(buf, 0, (int)(y / 100));
        n = put_two(buf, n, (int)(y % 100));
        buf[n++] = '-';
        n = put_two(buf, n, (int)m);
        buf[n++] = '-';
        n = put_two(buf, n, (int)d);
        buf[n] = '\0';
        return n;
    }
    /* A year past 9999 cannot come from the parser; if one is ever asked
     * for, snprintf truncates it and the length says what was kept. */
    w = snprintf(buf, 16, "%04lld-%02u-%02u", (long long)y, m, d);
    if (w < 0)
        return 0;
    return (size_t)w < 16 ? (size_t)w : 15;
}
