/*
 * tz.h - the institution's time zone, read from the system's tzdata.
 *
 * Date-only bounds ("valid_to": "2027-06-30") cover a whole local day (R2).
 * The codec resolves them into instants when a catalogue is decoded, so the
 * rules only compare instants and never touch the process time zone
 * (DESIGN.md "Time").
 */
#ifndef ENCORE_CODEC_TZ_H
#define ENCORE_CODEC_TZ_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/timeutil.h"

/*
 * True when name is an IANA zone name ("Europe/Paris") with a TZif file in
 * $TZDIR, else in /usr/share/zoneinfo. Names holding "..", a leading '/',
 * an empty part or a character outside [A-Za-z0-9/_+-] are refused
 * without touching the file system.
 */
bool tz_exists(const char *name);

/*
 * One date to resolve: day (days since 1970-01-01, a local date) in, at
 * out. end false: the first instant of that day; end true: its last
 * second, one second before the next day begins (R2).
 */
struct tz_query {
    int64_t day;
    bool end;
    struct enc_time at;
};

/*
 * Resolves n queries in zone name (which tz_exists() accepted). A day whose
 * midnight does not exist (a clock change at 00:00) begins at the first
 * instant that reads that date. at.offset is the zone's UTC offset at that
 * instant. Returns false when the zone cannot be loaded or a date is out of
 * the system's range. Thread-safe; see tz.c for how.
 */
bool tz_resolve(const char *name, struct tz_query *q, size_t n);

#endif
