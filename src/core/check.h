/*
 * check.h - checking a profile (SPEC section 6).
 *
 * Errors block activation and refuse an import that leaves an active
 * profile with one; warnings are shown. The checks live in one table in
 * check.c, each citing the sentence of section 6 it enforces.
 */
#ifndef ENCORE_CORE_CHECK_H
#define ENCORE_CORE_CHECK_H

#include "error.h"
#include "model.h"

enum enc_severity {
    SEVERITY_ERROR,
    SEVERITY_WARNING,
};

struct enc_finding {
    uint32_t profile;
    int32_t line; /* index into the profile's lines, -1: the profile */
    enum enc_severity severity;
    char message[256];
};

/* A growable list of findings, capped at ENC_MAX_FINDINGS. */
#define ENC_MAX_FINDINGS 10000
struct enc_findings {
    uint32_t n;
    uint32_t cap;
    uint32_t n_errors;
    struct enc_finding *items; /* malloc'ed, owned */
};

void findings_init(struct enc_findings *f);
void findings_cleanup(struct enc_findings *f);

/*
 * Appends the findings of profile p of cat, as of now, to *out. Returns
 * false only when out of memory. The "another active profile names this
 * channel" errors look at the profiles' status as they are in cat.
 */
bool check_profile(const struct enc_catalogue *cat, uint32_t p,
                   struct enc_time now, struct enc_findings *out);

/* check_profile() for every profile, in document order. */
bool check_all(const struct enc_catalogue *cat, struct enc_time now,
               struct enc_findings *out);

#endif
