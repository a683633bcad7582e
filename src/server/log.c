/*
 * log.c - event lines on stderr (log.h).
 */
#include "log.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/timeutil.h"

#define LOG_LINE_MAX 1024

static const char *const level_names[] = {
    [LOG_DEBUG] = "debug",
    [LOG_INFO] = "info",
    [LOG_WARN] = "warn",
    [LOG_ERROR] = "error",
};

/* Writes the current UTC time with milliseconds ("...T08:00:00.123Z").
 * The date is worked out here rather than by gmtime_r(), which takes
 * glibc's time zone lock: with a line per request, the threads serving
 * requests queued on it (2.5 % of a proposal's time under wrk). */
static int
log_time(char *buf, size_t size)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    int64_t day = ts.tv_sec / 86400, secs = ts.tv_sec % 86400;
    if (secs < 0) {
        secs += 86400;
        day--;
    }
    int64_t y;
    unsigned m, d;
    time_civil_from_days(day, &y, &m, &d);
    return snprintf(buf, size, "%04lld-%02u-%02uT%02d:%02d:%02d.%03ldZ",
                    (long long)y, m, d, (int)(secs / 3600),
                    (int)(secs / 60 % 60), (int)(secs % 60),
                    ts.tv_nsec / 1000000L);
}

void
log_line(enum log_level level, const char *component, const char *fmt, ...)
{
    char line[LOG_LINE_MAX];
    int n = log_time(line, sizeof(line));
    n += snprintf(line + n, sizeof(line) - (size_t)n, " %s component=%s ",
                  level_names[level], component);

    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
    va_end(ap);

    /* A line cut by the buffer still ends with its newline. */
    size_t len = (size_t)n + (m > 0 ? (size_t)m : 0);
    if (len > sizeof(line) - 2)
        len = sizeof(line) - 2;
    line[len++] = '\n';
    /* One write(2), not fwrite(): stderr's FILE lock made the threads
     * serving requests wait on each other once per request (issue 4:
     * one futex call per request under wrk). A line stays whole. */
    if (write(STDERR_FILENO, line, len) < 0)
        return; /* nowhere to say it */
}

void
log_value(const char *s, char *buf, unsigned size)
{
    static const char hex[] = "0123456789ABCDEF";
    unsigned n = 0;
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        bool plain = c > 0x20 && c < 0x7f && c != '"' && c != '\\';
        unsigned need = plain ? 1 : 3;
        if (n + need + 4 > size) {
            memcpy(buf + n, "...", 3);
            n += 3;
            break;
        }
        if (plain) {
            buf[n++] = (char)c;
        } else {
            buf[n++] = '%';
            buf[n++] = hex[c >> 4];
            buf[n++] = hex[c & 15];
        }
    }
    buf[n] = '\0';
}
