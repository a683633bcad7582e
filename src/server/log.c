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

/* Writes v in exactly width decimal digits at p (v < 10^width). */
static char *
put_digits(char *p, unsigned long long v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + width;
}

/* The length of the time log_time() writes. */
#define LOG_TIME_LEN 24

/* Writes the current UTC time with milliseconds ("...T08:00:00.123Z"),
 * LOG_TIME_LEN bytes, into buf (at least that long). The date is worked
 * out here rather than by gmtime_r(), which takes glibc's time zone lock
 * (with a line per request, the threads serving requests queued on it),
 * and written without printf, a line per request being on the request
 * path. */
static int
log_time(char *buf)
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
    char *p = put_digits(buf, (unsigned long long)(y < 0 ? 0 : y % 10000), 4);
    *p++ = '-';
    p = put_digits(p, m, 2);
    *p++ = '-';
    p = put_digits(p, d, 2);
    *p++ = 'T';
    p = put_digits(p, (unsigned long long)(secs / 3600), 2);
    *p++ = ':';
    p = put_digits(p, (unsigned long long)(secs / 60 % 60), 2);
    *p++ = ':';
    p = put_digits(p, (unsigned long long)(secs % 60), 2);
    *p++ = '.';
    p = put_digits(p, (unsigned long long)(ts.tv_nsec / 1000000L), 3);
    *p++ = 'Z';
    return (int)(p - buf);
}

/* Appends s (NUL-terminated) at *at within end; cut at end. */
static void
put_str(char **at, const char *end, const char *s)
{
    size_t n = strlen(s);
    if (n > (size_t)(end - *at))
        n = (size_t)(end - *at);
    memcpy(*at, s, n);
    *at += n;
}

/* Appends v in decimal at *at within end. */
static void
put_uint(char **at, const char *end, unsigned long long v)
{
    char digits[24];
    int n = 0;
    do {
        digits[sizeof(digits) - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    if (n > end - *at)
        return;
    memcpy(*at, digits + sizeof(digits) - n, (size_t)n);
    *at += n;
}

/* Writes line (len bytes, room for one more) and its newline in one
 * write(2), not fwrite(): stderr's FILE lock made the threads serving
 * requests wait on each other once per request (issue 4: one futex call
 * per request under wrk). A line stays whole. */
static void
log_write(char *line, size_t len)
{
    line[len++] = '\n';
    if (write(STDERR_FILENO, line, len) < 0)
        return; /* nowhere to say it */
}

void
log_access(enum log_level level, const char *method, const char *path,
           unsigned status, size_t bytes, long long us, bool aborted)
{
    char line[LOG_LINE_MAX];
    char *at = line + log_time(line);
    const char *end = line + sizeof(line) - 1;
    put_str(&at, end, " ");
    put_str(&at, end, level_names[level]);
    put_str(&at, end, " component=http method=");
    put_str(&at, end, method);
    put_str(&at, end, " path=");
    put_str(&at, end, path);
    put_str(&at, end, " status=");
    put_uint(&at, end, status);
    put_str(&at, end, " bytes=");
    put_uint(&at, end, bytes);
    put_str(&at, end, " duration_us=");
    put_uint(&at, end, us < 0 ? 0 : (unsigned long long)us);
    if (aborted)
        put_str(&at, end, " end=aborted");
    log_write(line, (size_t)(at - line));
}

void
log_line(enum log_level level, const char *component, const char *fmt, ...)
{
    char line[LOG_LINE_MAX];
    int n = log_time(line);
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
    log_write(line, len);
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
