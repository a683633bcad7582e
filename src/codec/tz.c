/*
 * tz.c - IANA time zones from the system's tzdata, for date-only bounds.
 *
 * Why the process TZ: Debian's tzdata is "slim", so the rules for years
 * past the last transition written in a TZif file live in its POSIX footer
 * string. Reading that footer right is what the C library already does, so
 * rather than a second TZif reader we point TZ at the zone, let mktime()
 * and localtime_r() do the work, and put TZ back. This is the only place
 * in Encore that touches TZ: it runs when a catalogue is decoded, never
 * while a proposal is computed (the rules compare instants only). A mutex
 * serialises the switch; the C library's own readers of TZ (localtime(),
 * strftime()) are not used by Encore elsewhere.
 */
#include "tz.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TZ_NAME_MAX 255
#define TZ_DIR_DEFAULT "/usr/share/zoneinfo"
#define TZ_PATH_MAX 4096
#define DAY_SECONDS 86400
/* Wider than any UTC offset ever in tzdata (local mean times included). */
#define TZ_SEARCH_MARGIN (30 * 3600)

static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;

/* A zone name as tzdata spells them: no "..", no empty or absolute part. */
static bool
tz_name_valid(const char *name)
{
    size_t len = strlen(name);

    if (len == 0 || len > TZ_NAME_MAX || name[0] == '/' ||
        name[len - 1] == '/' || strstr(name, "..") || strstr(name, "//"))
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-' ||
                  c == '+';
        if (!ok)
            return false;
    }
    return true;
}

/* True when the file at path begins with the TZif magic. */
static bool
tz_file_is_tzif(const char *path)
{
    char magic[4];
    FILE *f = fopen(path, "rb");
    bool ok;

    if (!f)
        return false;
    ok = fread(magic, 1, sizeof magic, f) == sizeof magic &&
         memcmp(magic, "TZif", sizeof magic) == 0;
    fclose(f);
    return ok;
}

bool
tz_exists(const char *name)
{
    char path[TZ_PATH_MAX];
    const char *dir;
    int n;

    if (!tz_name_valid(name))
        return false;
    /* getenv() under the lock: tz_resolve() may be rewriting environ. */
    pthread_mutex_lock(&tz_lock);
    dir = getenv("TZDIR");
    if (!dir || !*dir)
        dir = TZ_DIR_DEFAULT;
    n = snprintf(path, sizeof path, "%s/%s", dir, name);
    pthread_mutex_unlock(&tz_lock);
    if (n < 0 || (size_t)n >= sizeof path)
        return false;
    return tz_file_is_tzif(path);
}

/* The local date of t (days since epoch) in the current TZ; *tm gets it. */
static bool
tz_local(time_t t, struct tm *tm, int64_t *day)
{
    if (!localtime_r(&t, tm))
        return false;
    *day =
        time_days_from_civil((int64_t)tm->tm_year + 1900,
                             (unsigned)tm->tm_mon + 1, (unsigned)tm->tm_mday);
    return true;
}

/*
 * 00:00:00 of day read as standard time (isdst 0) or summer time (1);
 * true when that instant really reads back as the day's midnight.
 */
static bool
tz_try_midnight(int64_t day, int isdst, time_t *out)
{
    struct tm tm = {0};
    int64_t y, back;
    unsigned m, d;

    time_civil_from_days(day, &y, &m, &d);
    tm.tm_year = (int)(y - 1900);
    tm.tm_mon = (int)m - 1;
    tm.tm_mday = (int)d;
    tm.tm_isdst = isdst;
    *out = mktime(&tm);
    if (!tz_local(*out, &tm, &back))
        return false;
    return back == day && tm.tm_hour == 0 && tm.tm_min == 0 && tm.tm_sec == 0;
}

/*
 * Midnight does not exist on that day (the clock jumped past it): the day
 * begins at the jump, the first instant whose local date is day. Local
 * dates only move forward around such a jump, so a bisection finds it.
 */
static bool
tz_search_start(int64_t day, time_t *out)
{
    time_t lo = (time_t)(day * DAY_SECONDS - TZ_SEARCH_MARGIN);
    time_t hi = (time_t)(day * DAY_SECONDS + TZ_SEARCH_MARGIN);
    struct tm tm;
    int64_t d;

    while (hi - lo > 1) {
        time_t mid = lo + (hi - lo) / 2;
        if (!tz_local(mid, &tm, &d))
            return false;
        if (d >= day)
            hi = mid;
        else
            lo = mid;
    }
    *out = hi;
    return true;
}

/* The first instant of local day in the current TZ. When midnight occurs
 * twice (the clock went back across it), the earlier one. */
static bool
tz_day_start(int64_t day, time_t *out)
{
    time_t std, dst;
    bool has_std = tz_try_midnight(day, 0, &std);
    bool has_dst = tz_try_midnight(day, 1, &dst);

    if (has_std && has_dst)
        *out = std < dst ? std : dst;
    else if (has_std)
        *out = std;
    else if (has_dst)
        *out = dst;
    else
        return tz_search_start(day, out);
    return true;
}

/* Resolves one query in the current TZ. */
static bool
tz_query_resolve(struct tz_query *q)
{
    struct tm tm;
    int64_t unused;
    time_t t;

    if (!tz_day_start(q->end ? q->day + 1 : q->day, &t))
        return false;
    if (q->end)
        t -= 1;
    if (!tz_local(t, &tm, &unused))
        return false;
    q->at.utc = (int64_t)t;
    q->at.offset = (int32_t)tm.tm_gmtoff;
    return true;
}

bool
tz_resolve(const char *name, struct tz_query *q, size_t n)
{
    char spec[TZ_NAME_MAX + 2];
    char *saved = NULL;
    const char *old;
    bool ok = true;

    if (!tz_name_valid(name))
        return false;
    snprintf(spec, sizeof spec, ":%s", name);
    pthread_mutex_lock(&tz_lock);
    old = getenv("TZ");
    if (old) {
        saved = strdup(old);
        if (!saved) {
            pthread_mutex_unlock(&tz_lock);
            return false;
        }
    }

    /* Switch, resolve every query under that one setting, switch back. */
    if (setenv("TZ", spec, 1) != 0) {
        ok = false;
    } else {
        tzset();
        for (size_t i = 0; i < n && ok; i++)
            ok = tz_query_resolve(&q[i]);
    }
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    tzset();
    pthread_mutex_unlock(&tz_lock);
    free(saved);
    return ok;
}
