/*
 * trace.c - reasons' names and messages, and the trace's array
 * (trace.h).
 */
#include "trace.h"

#include <string.h>

struct reason_info {
    const char *name;
    const char *rule;
    const char *message;
};

static const struct reason_info reasons[TRACE_REASON_COUNT] = {
    [TRACE_PROPOSED] = {"proposed", NULL, "proposed"},
    [TRACE_R2_NOT_VALID] = {"out_of_validity", "R2",
                            "the line is not valid at this time"},
    [TRACE_R3_OTHER_STAGE] = {"not_this_stage", "R3",
                              "the line is used at another stage"},
    [TRACE_R4_BASE_NOT_IN_CART] = {"base_not_in_cart", "R4",
                                   "the base product is not in the cart"},
    [TRACE_R4_MIN_QUANTITY] = {"min_quantity_not_reached", "R4",
                               "the minimum quantity is not reached"},
    [TRACE_R4_NO_MATCH] = {"no_group_matches", "R4",
                           "no item matches the line's conditions"},
    [TRACE_R5_NOT_ON_SALE] = {"not_on_sale", "R5",
                              "the product is not on sale now"},
    [TRACE_R5_ARCHIVED] = {"archived", "R5", "the product is archived"},
    [TRACE_R5_NOT_ON_CHANNEL] = {"not_on_channel", "R5",
                                 "the product is not sold on this channel"},
    [TRACE_R6_BASE_UNDATED] = {"base_undated", "R6",
                               "the base item has no date to follow"},
    [TRACE_R6_NO_PERFORMANCE_DAY] = {"no_performance_that_day", "R6",
                                     "no performance open on the base's "
                                     "date"},
    [TRACE_R6_NO_PERFORMANCE] = {"no_performance_left", "R6",
                                 "no performance left open for sale"},
    [TRACE_R7_SOLD_OUT] = {"sold_out", "R7", "sold out"},
    [TRACE_R8_ABOVE_MAX_PER_ORDER] = {"above_max_per_order", "R8",
                                      "the quantity is above the product's "
                                      "maximum per order"},
    [TRACE_R8_ABOVE_LEFT] = {"above_what_is_left", "R8",
                             "the quantity is above what is left"},
    [TRACE_R9_NO_OFFER] = {"no_offer", "R9",
                           "no price row passes the target's filters"},
    [TRACE_R10_IN_CART] = {"already_in_cart", "R10",
                           "the product is already in the cart"},
    [TRACE_R10_OWN_BASE] = {"own_base", "R10",
                            "the base product is never its own target"},
    [TRACE_R11_DUPLICATE] = {"duplicate", "R11",
                             "already proposed in this placement"},
    [TRACE_R12_NOT_A_PACKAGE] = {"not_a_package_of_base", "R12",
                                 "not a package containing the base "
                                 "product"},
    [TRACE_R12_NO_PRICE_ROW] = {"no_package_price_row", "R12",
                                "the package has no price row for the "
                                "item looked at"},
    [TRACE_R14_OVER_LIMIT] = {"over_limit", "R14",
                              "the placement already shows its limit"},
};

/* The row of r, or NULL when r is out of range. */
static const struct reason_info *
reason_of(enum enc_trace_reason r)
{
    return (unsigned)r < TRACE_REASON_COUNT ? &reasons[r] : NULL;
}

const char *
trace_reason_name(enum enc_trace_reason r)
{
    return reason_of(r) ? reason_of(r)->name : "?";
}

const char *
trace_reason_rule(enum enc_trace_reason r)
{
    return reason_of(r) ? reason_of(r)->rule : NULL;
}

const char *
trace_reason_message(enum enc_trace_reason r)
{
    return reason_of(r) ? reason_of(r)->message : "?";
}

bool
trace_add(struct enc_trace *t, struct arena *arena,
          const struct enc_trace_entry *e)
{
    if (t->n == t->cap) {
        uint32_t cap = t->cap ? 2 * t->cap : 16;
        struct enc_trace_entry *grown =
            arena_alloc(arena, cap * sizeof(*grown));
        if (grown == NULL)
            return false;
        if (t->n > 0)
            memcpy(grown, t->entries, t->n * sizeof(*grown));
        t->entries = grown;
        t->cap = cap;
    }
    t->entries[t->n++] = *e;
    return true;
}

bool
trace_sort(struct enc_trace *t, struct arena *arena, uint32_t n_lines)
{
    uint32_t *first, placed = 0;
    struct enc_trace_entry *sorted;

    if (t->n < 2)
        return true;
    first = arena_alloc(arena, (n_lines + 1) * sizeof(*first));
    sorted = arena_alloc(arena, t->n * sizeof(*sorted));
    if (first == NULL || sorted == NULL)
        return false;

    /* A counting sort: stable, one pass to count, one to place. */
    for (uint32_t i = 0; i < t->n; i++)
        if (t->entries[i].line < n_lines)
            first[t->entries[i].line + 1]++;
    for (uint32_t l = 0; l < n_lines; l++)
        first[l + 1] += first[l];
    for (uint32_t i = 0; i < t->n; i++)
        if (t->entries[i].line < n_lines) {
            sorted[first[t->entries[i].line]++] = t->entries[i];
            placed++;
        }
    t->n = placed;
    t->entries = sorted;
    t->cap = t->n;
    return true;
}
