/*
 * propose.h - the rules of a proposal, R1 to R14 of SPEC section 4.
 *
 * Pure: the engine reads a catalogue (the snapshot) and a parsed request and
 * fills an answer whose arrays come from the caller's arena. No I/O, no
 * locks, no clock: "now" is in the request.
 */
#ifndef ENCORE_CORE_PROPOSE_H
#define ENCORE_CORE_PROPOSE_H

#include "error.h"
#include "model.h"

#define ENC_MAX_QUANTITY 1000     /* SPEC 5: a quantity is 1 to 1,000 */
#define ENC_MAX_CART 1000         /* SPEC 5: at most 1,000 items */
#define ENC_MAX_PERFORMANCES 20   /* SPEC 8: per proposal, earliest first */
#define ENC_DEFAULT_CHOICE_MAX 10 /* R8 */

/* An item of the cart or the focus. performance, seat_category and
 * audience are -1 when the request does not name them. */
struct enc_item {
    int32_t product;
    int32_t performance;
    int32_t seat_category;
    int32_t audience;
    uint32_t quantity;
};

struct enc_request {
    int32_t channel;
    enum enc_stage stage;
    const char *lang; /* NULL: the institution's first language */
    struct enc_time now;
    bool has_focus; /* stage product only */
    struct enc_item focus;
    uint32_t n_cart;
    const struct enc_item *cart;
};

/* An offer is a price row of the target (R9). */
struct enc_offer {
    uint32_t price; /* index into the product's prices */
    int64_t available;
};

struct enc_offered_performance {
    uint32_t performance; /* index into catalogue.performances */
    int64_t available;
};

struct enc_proposal {
    uint32_t line; /* index into the profile's lines */
    enum enc_line_type type;
    enum enc_placement placement;
    int32_t base_product;
    int32_t base_performance; /* -1: the base group is undated */
    int32_t product;
    /* QTY_FIXED (also for proportional, as SPEC 8 shows) or QTY_CHOICE */
    enum enc_qty_mode quantity_mode;
    uint32_t value;
    uint32_t min;
    uint32_t max;
    uint32_t n_performances; /* 0 for an undated target */
    struct enc_offered_performance performances[ENC_MAX_PERFORMANCES];
    uint32_t n_offers;
    struct enc_offer *offers;  /* from the answer's arena */
    bool has_price_difference; /* R12 */
    int64_t price_difference;
    const char *name;  /* R13; never NULL (falls back to the code) */
    const char *text;  /* R13; NULL when the line has none */
    int32_t name_item; /* the item of the product's name shown, -1: code */
    int32_t text_item; /* the item of the line's text shown, -1: none */
};

struct enc_answer {
    int32_t channel;
    enum enc_stage stage;
    int32_t profile; /* -1: no profile applies (R1) */
    struct enc_time now;
    uint32_t n_proposals;
    struct enc_proposal *proposals; /* grouped and ordered as R14 says */
};

struct enc_avail;
struct enc_trace;

/* What enc_propose_with() takes beside the request; every field may be
 * NULL. */
struct enc_propose_opts {
    /* Live counters of what is left (avail.h), built for this very
     * catalogue; NULL: the catalogue's own pool and stock values. */
    const struct enc_avail *avail;
    /* The preview's trace (trace.h): why each line and target was
     * proposed or stopped, from the arena; NULL: no trace, no cost. */
    struct enc_trace *trace;
};

/*
 * Evaluates req against cat and fills *out; arrays come from arena and
 * live as long as it. Returns ENC_OK, or ENC_INTERNAL when the arena is
 * exhausted. The request must have been checked by the codec (codes
 * resolved, quantities in range); the engine asserts it.
 */
enum enc_code enc_propose(const struct enc_catalogue *cat,
                          const struct enc_request *req, struct arena *arena,
                          struct enc_answer *out, struct enc_error *err);

/* enc_propose() with options (opts NULL: none): every read of what is
 * left (R7, R8, R9, R12) goes through opts->avail when it is given. */
enum enc_code enc_propose_with(const struct enc_catalogue *cat,
                               const struct enc_request *req,
                               const struct enc_propose_opts *opts,
                               struct arena *arena, struct enc_answer *out,
                               struct enc_error *err);

#endif
