/*
 * log.h - one line per event on stderr (STYLE 14): time (UTC, ms), level,
 * component, then key=value pairs or a message.
 */
#ifndef ENCORE_SERVER_LOG_H
#define ENCORE_SERVER_LOG_H

#include <stdbool.h>
#include <stddef.h>

enum log_level {
    LOG_DEBUG,
    LOG_INFO,
    LOG_WARN,
    LOG_ERROR,
};

/* Writes "TIME LEVEL component=COMPONENT " and the formatted rest as one
 * line, in one write, so lines of several threads never interleave. */
void log_line(enum log_level level, const char *component, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The access-log line of a request (method and path made safe by
 * log_value()), as log_line(level, "http", "method=%s path=%s status=%u
 * bytes=%zu duration_us=%lld%s", ..., aborted ? " end=aborted" : "")
 * writes it, without printf: one is written per request. */
void log_access(enum log_level level, const char *method, const char *path,
                unsigned status, size_t bytes, long long us, bool aborted);

/*
 * Copies s into buf (size bytes, at least 4) so that it is safe as one
 * log value: printable ASCII but space, '"' and '\\' is kept, any other
 * byte is written %XX, and a value too long is cut with "...".
 */
void log_value(const char *s, char *buf, unsigned size);

#endif
