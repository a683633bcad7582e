/*
 * timeutil.h - instants, local dates and RFC 3339, without the process TZ.
 *
 * Every instant is UTC seconds plus the UTC offset it was written with
 * (DESIGN.md "Time"). A performance's local date is read from its own
 * offset (R6). Date-only bounds are resolved into instants outside core
 * (codec/tz.c) and stored beside their written form.
 */
#ifndef ENCORE_CORE_TIMEUTIL_H
#define ENCORE_CORE_TIMEUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct enc_time {
    int64_t utc;    /* seconds since 1970-01-01T00:00:00Z */
    int32_t offset; /* seconds east of UTC, as written */
};

/* Days since 1970-01-01 of a proleptic Gregorian date (any y, m 1-12). */
int64_t time_days_from_civil(int64_t y, unsigned m, unsigned d);

/* The inverse of time_days_from_civil(). */
void time_civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d);

/* The local date (days since epoch) of t, read from t's own offset (R6). */
int64_t time_local_day(struct enc_time t);

/*
 * Parses an RFC 3339 date-time of exactly len bytes ("2027-06-12T20:00:00
 * +02:00", "...Z", optional fraction, which is dropped). Refuses impossible
 * dates (2027-02-30), hours past 23, offsets past 23:59. Returns true on
 * success.
 */
bool time_parse_rfc3339(const char *s, size_t len, struct enc_time *out);

/* Parses "YYYY-MM-DD" of exactly len bytes into its day number. */
bool time_parse_date(const char *s, size_t len, int64_t *day);

/*
 * Writes t as "YYYY-MM-DDTHH:MM:SS+hh:mm" (or "Z" for offset 0) into buf,
 * which holds at least TIME_RFC3339_MAX bytes. Returns the length.
 */
#define TIME_RFC3339_MAX 32
size_t time_format_rfc3339(struct enc_time t, char *buf);

/* Writes a day number as "YYYY-MM-DD"; buf holds 16 bytes. */
size_t time_format_date(int64_t day, char *buf);

#endif
