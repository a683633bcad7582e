/*
 * trace.h - why the engine proposed a target or which rule stopped it:
 * the preview of the back-office (issue 3) asks for it.
 *
 * Given to enc_propose_with() in its options, a trace gets one entry per
 * line of the profile that was not used as a whole (R2, R3, R4, R14), one
 * per base group that a conditional line did not apply to (R4), and one
 * per target of each group a line was walked for: proposed, or the first
 * rule that stopped it. Entries come in the order of the profile's lines,
 * then of the walk (groups, then targets). Without a trace the engine
 * does none of this work.
 */
#ifndef ENCORE_CORE_TRACE_H
#define ENCORE_CORE_TRACE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"

enum enc_trace_reason {
    TRACE_PROPOSED,
    TRACE_R2_NOT_VALID,           /* now is outside valid_from..valid_to */
    TRACE_R3_OTHER_STAGE,         /* the line is used at another stage */
    TRACE_R4_BASE_NOT_IN_CART,    /* no item of the base (focus) */
    TRACE_R4_MIN_QUANTITY,        /* a group below when.min_quantity */
    TRACE_R4_NO_MATCH,            /* no item of a group meets `when` */
    TRACE_R5_NOT_ON_SALE,         /* unknown, or outside its sale window */
    TRACE_R5_ARCHIVED,            /* archived */
    TRACE_R5_NOT_ON_CHANNEL,      /* not sold on this channel */
    TRACE_R6_BASE_UNDATED,        /* same_as_base, the base has no date */
    TRACE_R6_NO_PERFORMANCE_DAY,  /* no open performance that day */
    TRACE_R6_NO_PERFORMANCE,      /* no open performance left */
    TRACE_R7_SOLD_OUT,            /* nothing left in its pools */
    TRACE_R8_ABOVE_MAX_PER_ORDER, /* quantity above max_per_order */
    TRACE_R8_ABOVE_LEFT,          /* quantity above what is left */
    TRACE_R9_NO_OFFER,            /* no price row allowed */
    TRACE_R10_IN_CART,            /* already in the cart */
    TRACE_R10_OWN_BASE,           /* the base is never its own target */
    TRACE_R11_DUPLICATE,          /* already shown in this placement */
    TRACE_R12_NOT_A_PACKAGE,      /* not a package containing the base */
    TRACE_R12_NO_PRICE_ROW,       /* no package row for the focus */
    TRACE_R14_OVER_LIMIT,         /* the placement was full */
    TRACE_REASON_COUNT,
};

struct enc_trace_entry {
    uint32_t line;            /* index among the profile's lines */
    int32_t target;           /* index among the line's targets; -1: not one */
    int32_t product;          /* the target's product; -1 with target -1 */
    bool has_group;           /* the entry concerns one base group (R4) */
    int32_t base_performance; /* that group's performance; -1: undated */
    enum enc_trace_reason reason;
};

/*
 * Zero it before use ({0}). The entries come from the arena given to
 * enc_propose_with() and live as long as it. profile is the profile the
 * request used (-1: none, R1: no entries then).
 */
struct enc_trace {
    int32_t profile;
    uint32_t n;
    uint32_t cap;
    struct enc_trace_entry *entries;
};

/* "proposed", "out_of_validity", ... (stable wire names). */
const char *trace_reason_name(enum enc_trace_reason r);

/* The rule id of a reason ("R7"); NULL for TRACE_PROPOSED. */
const char *trace_reason_rule(enum enc_trace_reason r);

/* One short English sentence for a person ("sold out"). */
const char *trace_reason_message(enum enc_trace_reason r);

/* Appends e, growing the array in arena; false when out of memory. */
bool trace_add(struct enc_trace *t, struct arena *arena,
               const struct enc_trace_entry *e);

/* Orders the entries by line, keeping the order within a line (stable);
 * scratch comes from arena. False when out of memory. */
bool trace_sort(struct enc_trace *t, struct arena *arena, uint32_t n_lines);

#endif
