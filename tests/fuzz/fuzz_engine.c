/*
 * fuzz_engine.c - libFuzzer target: the engine (enc_propose(), SPEC 4) on
 * random carts over the sample season.
 *
 * The bytes are read as a structured request of real codes, one the
 * codec would accept (SPEC 5, 8): a channel, a stage, an instant around
 * the season, a language, up to 64 items (a product, one of its
 * performances, a seat category and an audience or none, a quantity of 1
 * to 1,000) and a focus for stage product; optionally live counters with
 * some pools emptied (R7) and the preview's trace. The answer must keep
 * the rules, each checked on its own here:
 *   R1  no profile, no proposal; the channel's active profile otherwise;
 *   R3  each proposal's line is of the request's stage;
 *   R6  each performance offered starts after now, earliest first, and a
 *       dated target offers one at least;
 *   R7  each performance offered has the proposed quantity left;
 *   R8  quantities within bounds (1 to max_per_order, min <= max);
 *   R9  at least one offer;
 *   R10 no proposal of a product already in the cart (on the group's
 *       date for a same_as_base target), never the base itself;
 *   R12 an upsell proposes a package holding the base;
 *   R14 placements in order, each within its limit;
 *   SPEC 8 at most 20 performances per proposal.
 */
#include <stdlib.h>
#include <string.h>

#include "core/avail.h"
#include "core/trace.h"
#include "fuzz.h"

#define ENGINE_MAX_ITEMS 64
#define ENGINE_DAY 86400

/* A catalogue to propose from, with its live counters and the instants
 * requests are drawn from: its performances with 60 days around. */
struct world {
    struct enc_catalogue *cat;
    struct enc_avail *avail;
    int64_t now_first;
    int64_t now_span;
};

static struct world worlds[2];

/* The world of the input being run. */
static struct enc_catalogue *cat;
static struct enc_avail *avail;
static int64_t now_first;
static int64_t now_span;

/* R14: what each placement shows when the profile sets no limit. */
static const uint32_t default_limits[PLACEMENT_COUNT] = {1, 5, 4, 6};

/* Loads the catalogue at path into w. */
static void
world_load(struct world *w, const char *path)
{
    w->cat = fuzz_load_catalogue(path);
    w->avail = avail_new(w->cat);
    if (w->avail == NULL || w->cat->n_performances == 0)
        fuzz_fail("%s has no performances", path);
    int64_t lo = w->cat->performances[0].start.utc;
    int64_t hi = lo;
    for (uint32_t f = 1; f < w->cat->n_performances; f++) {
        int64_t t = w->cat->performances[f].start.utc;
        lo = t < lo ? t : lo;
        hi = t > hi ? t : hi;
    }
    w->now_first = lo - 60 * ENGINE_DAY;
    w->now_span = hi - lo + 120 * ENGINE_DAY;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    world_load(&worlds[0], "data/sample-season.json");
    world_load(&worlds[1], "tests/cases/catalogue.json");
    return 0;
}

/* ---- reading the bytes ---- */

struct bytes {
    const uint8_t *p;
    size_t n;
};

/* The next byte, 0 once they run out. */
static uint32_t
take8(struct bytes *b)
{
    if (b->n == 0)
        return 0;
    b->n--;
    return *b->p++;
}

static uint32_t
take16(struct bytes *b)
{
    return take8(b) << 8 | take8(b);
}

static uint32_t
take32(struct bytes *b)
{
    return take16(b) << 16 | take16(b);
}

/* An index below n, or -1 (none) for the extra value n. */
static int32_t
take_index_or_none(struct bytes *b, uint32_t n)
{
    uint32_t v = take8(b) % (n + 1);
    return v == n ? ENC_NONE : (int32_t)v;
}

/* SPEC 5: 1 to 1,000, small ones most often. */
static uint32_t
take_quantity(struct bytes *b)
{
    uint32_t q = take8(b);
    if (q < 200)
        return 1 + q % 4;
    if (q < 250)
        return 1 + q % 20;
    return 1 + take16(b) % ENC_MAX_QUANTITY;
}

/* An item as the codec accepts it: a dated product's item names one of
 * its performances, except the focus, which may not. */
static void
take_item(struct bytes *b, bool focus, struct enc_item *it)
{
    it->product = (int32_t)(take16(b) % cat->n_products);
    const struct enc_product *prod = &cat->products[it->product];
    it->performance = ENC_NONE;
    if (prod->n_performances > 0 && !(focus && take8(b) % 4 == 0))
        it->performance =
            (int32_t)(prod->perf_first + take8(b) % prod->n_performances);
    it->seat_category = take_index_or_none(b, cat->n_seat_categories);
    it->audience = take_index_or_none(b, cat->n_audiences);
    it->quantity = take_quantity(b);
}

/* The request of the bytes; items has room for ENGINE_MAX_ITEMS. */
static void
take_request(struct bytes *b, struct enc_request *req, struct enc_item *items)
{
    static const char *const other_lang = "de";
    static const int32_t offsets[] = {0, -4 * 3600, -5 * 3600, 2 * 3600};
    memset(req, 0, sizeof(*req));
    req->channel = (int32_t)(take8(b) % cat->n_channels);
    req->stage = (enum enc_stage)(take8(b) % 3);
    req->now.utc = now_first + (int64_t)(take32(b) % (uint64_t)now_span);
    req->now.offset = offsets[take8(b) % 4];
    uint32_t lang = take8(b) % (cat->institution.n_languages + 2);
    if (lang < cat->institution.n_languages)
        req->lang = cat->institution.languages[lang];
    else if (lang > cat->institution.n_languages)
        req->lang = other_lang;
    uint32_t n = take8(b);
    req->n_cart = n & 0x80 ? n % ENGINE_MAX_ITEMS : n % 9;
    for (uint32_t i = 0; i < req->n_cart; i++)
        take_item(b, false, &items[i]);
    req->cart = items;
    if (req->stage == STAGE_PRODUCT) {
        req->has_focus = true;
        take_item(b, true, &req->focus);
    }
}

/* R7: up to 15 pools of the live counters set from the bytes; their ids
 * go to ids so that they can be put back. */
static uint32_t
take_pools(struct bytes *b, uint32_t *ids)
{
    uint32_t n = take8(b) % 16;
    for (uint32_t i = 0; i < n; i++) {
        ids[i] = take16(b) % avail->n_pools;
        uint32_t v = take8(b);
        avail_set(avail, ids[i], v < 128 ? v % 3 : v);
    }
    return n;
}

/* ---- the invariants ---- */

/* The local day of performance f, or INT64_MIN for none. */
static int64_t
day_of(int32_t f)
{
    return f < 0 ? INT64_MIN : cat->performances[f].local_day;
}

/*
 * R6 and SPEC 3: whether target t of line ln, proposed for a group of
 * performance base_perf, offers only the group's day (same_as_base in
 * effect), from the target as written and the defaults.
 */
static bool
target_same_day(const struct enc_line *ln, const struct enc_target *t,
                int32_t base_perf)
{
    bool dated_group = base_perf >= 0;
    if (cat->products[t->product].n_performances == 0)
        return false;
    if (ln->type == LINE_UPSELL)
        return t->date != DATE_CHOICE && dated_group;
    if (t->date == DATE_SAME_AS_BASE)
        return true;
    if (t->date == DATE_CHOICE)
        return false;
    return (ln->type == LINE_CART || ln->type == LINE_CONDITIONAL) &&
           dated_group;
}

/* R10: an item holds product p: it is p, or a package containing it. */
static bool
item_holds(const struct enc_item *it, int32_t p)
{
    return it->product == p || product_contains(cat, it->product, p);
}

/* R10: target t of line ln may be proposed beside the cart of req. */
static bool
target_not_in_cart(const struct enc_request *req, const struct enc_line *ln,
                   const struct enc_target *t, int32_t base_perf)
{
    bool same_day = target_same_day(ln, t, base_perf);
    for (uint32_t i = 0; i < req->n_cart; i++) {
        const struct enc_item *it = &req->cart[i];
        if (!item_holds(it, t->product))
            continue;
        if (!same_day || day_of(it->performance) == day_of(base_perf))
            return false;
    }
    return true;
}

/* R10: one of the line's targets of this product passes. */
static void
check_r10(const struct enc_request *req, const struct enc_proposal *p,
          const struct enc_line *ln, uint32_t i)
{
    if (p->product == p->base_product)
        fuzz_fail("proposal %u: R10 the base %s is its own target", i,
                  cat->products[p->product].code);
    for (uint32_t k = 0; k < ln->n_targets; k++)
        if (ln->targets[k].product == p->product &&
            target_not_in_cart(req, ln, &ln->targets[k], p->base_performance))
            return;
    fuzz_fail("proposal %u: R10 %s is already in the cart", i,
              cat->products[p->product].code);
}

/* R8: the quantity offered, within bounds; returns the least one. */
static uint32_t
check_r8(const struct enc_proposal *p, uint32_t i)
{
    uint32_t mpo = cat->products[p->product].max_per_order;
    uint32_t top = mpo ? mpo : ENC_MAX_QUANTITY;
    if (p->quantity_mode == QTY_FIXED) {
        if (p->value < 1 || p->value > top)
            fuzz_fail("proposal %u: R8 fixed quantity %u outside 1..%u", i,
                      p->value, top);
        return p->value;
    }
    if (p->quantity_mode != QTY_CHOICE)
        fuzz_fail("proposal %u: R8 quantity mode %d", i, p->quantity_mode);
    if (p->min < 1 || p->min > p->max || p->max > top)
        fuzz_fail("proposal %u: R8 choice %u..%u outside 1..%u", i, p->min,
                  p->max, top);
    return p->min;
}

/* R6, R7, SPEC 8: the performances offered. */
static void
check_performances(const struct enc_request *req, const struct enc_proposal *p,
                   uint32_t need, uint32_t i)
{
    const struct enc_product *prod = &cat->products[p->product];
    if (p->n_performances > ENC_MAX_PERFORMANCES)
        fuzz_fail("proposal %u: SPEC 8 %u performances", i, p->n_performances);
    if (prod->n_performances > 0 && p->n_performances == 0)
        fuzz_fail("proposal %u: R6 dated %s without a performance", i,
                  prod->code);
    int64_t last = INT64_MIN;
    for (uint32_t k = 0; k < p->n_performances; k++) {
        const struct enc_offered_performance *op = &p->performances[k];
        if (op->performance >= cat->n_performances)
            fuzz_fail("proposal %u: performance index %u", i, op->performance);
        const struct enc_performance *f = &cat->performances[op->performance];
        if (f->product != p->product)
            fuzz_fail("proposal %u: R6 %s is not one of %s", i, f->code,
                      prod->code);
        if (f->start.utc <= req->now.utc)
            fuzz_fail("proposal %u: R6 %s starts before now", i, f->code);
        if (f->start.utc < last)
            fuzz_fail("proposal %u: R6 %s out of order", i, f->code);
        if (op->available < (int64_t)need)
            fuzz_fail("proposal %u: R7 %s has %lld left, %u proposed", i,
                      f->code, (long long)op->available, need);
        last = f->start.utc;
    }
}

/* R3, R9, R12 and the proposal's own fields. */
static const struct enc_line *
check_line(const struct enc_request *req, const struct enc_profile *prof,
           const struct enc_proposal *p, uint32_t i)
{
    if (p->line >= prof->n_lines)
        fuzz_fail("proposal %u: line index %u", i, p->line);
    const struct enc_line *ln = &prof->lines[p->line];
    if (ln->type != p->type || ln->base != p->base_product)
        fuzz_fail("proposal %u: not what line %s says", i, ln->id);
    if (line_type_stage(ln->type) != req->stage)
        fuzz_fail("proposal %u: R3 line %s of another stage", i, ln->id);
    if (p->product < 0 || (uint32_t)p->product >= cat->n_products)
        fuzz_fail("proposal %u: product index %d", i, p->product);
    if (p->n_offers == 0)
        fuzz_fail("proposal %u: R9 no offer", i);
    for (uint32_t k = 0; k < p->n_offers; k++)
        if (p->offers[k].price >= cat->products[p->product].n_prices)
            fuzz_fail("proposal %u: offer of price row %u", i,
                      p->offers[k].price);
    if (p->type == LINE_UPSELL &&
        !product_contains(cat, p->product, p->base_product))
        fuzz_fail("proposal %u: R12 %s does not hold the base", i,
                  cat->products[p->product].code);
    if (p->name == NULL)
        fuzz_fail("proposal %u: R13 no name", i);
    return ln;
}

/* R1 and R14 over the whole answer. */
static const struct enc_profile *
check_answer(const struct enc_request *req, const struct enc_answer *ans)
{
    bool internet = cat->channels[req->channel].type == CHANNEL_INTERNET;
    int32_t want = internet ? cat->channel_profile[req->channel] : ENC_NONE;
    if (ans->profile != want)
        fuzz_fail("R1 profile %d, expected %d", ans->profile, want);
    if (ans->profile < 0) {
        if (ans->n_proposals != 0)
            fuzz_fail("R1 proposals without a profile");
        return NULL;
    }
    const struct enc_profile *prof = &cat->profiles[ans->profile];
    uint32_t count[PLACEMENT_COUNT] = {0};
    for (uint32_t i = 0; i < ans->n_proposals; i++) {
        enum enc_placement pl = ans->proposals[i].placement;
        if ((unsigned)pl >= PLACEMENT_COUNT)
            fuzz_fail("proposal %u: placement %d", i, pl);
        if (i > 0 && pl < ans->proposals[i - 1].placement)
            fuzz_fail("proposal %u: R14 placements out of order", i);
        uint32_t limit =
            prof->has_limit[pl] ? prof->limit[pl] : default_limits[pl];
        if (++count[pl] > limit)
            fuzz_fail("R14 more than %u in placement %s", limit,
                      placement_name(pl));
    }
    return prof;
}

static void
check_all_rules(const struct enc_request *req, const struct enc_answer *ans)
{
    const struct enc_profile *prof = check_answer(req, ans);
    for (uint32_t i = 0; prof != NULL && i < ans->n_proposals; i++) {
        const struct enc_proposal *p = &ans->proposals[i];
        const struct enc_line *ln = check_line(req, prof, p, i);
        check_r10(req, p, ln, i);
        uint32_t need = check_r8(p, i);
        check_performances(req, p, need, i);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct bytes b = {data, size};
    struct enc_item items[ENGINE_MAX_ITEMS];
    struct enc_request req;
    uint32_t flags = take8(&b);
    const struct world *w = &worlds[(flags >> 2) & 1];
    cat = w->cat;
    avail = w->avail;
    now_first = w->now_first;
    now_span = w->now_span;
    take_request(&b, &req, items);
    uint32_t ids[16];
    uint32_t n_ids = flags & 1 ? take_pools(&b, ids) : 0;

    struct enc_trace trace = {0};
    struct enc_propose_opts opts = {flags & 1 ? avail : NULL,
                                    flags & 2 ? &trace : NULL};
    struct arena arena;
    struct enc_answer ans;
    struct enc_error err = {0};
    arena_init(&arena, 0);
    if (enc_propose_with(cat, &req, &opts, &arena, &ans, &err) != ENC_OK)
        fuzz_fail("enc_propose: %s", err.message);
    check_all_rules(&req, &ans);

    size_t len = 0;
    char *text = codec_answer_encode(cat, &ans, &len);
    if (text == NULL || len == 0)
        fuzz_fail("the answer does not encode");
    free(text);
    if (flags & 2) {
        text = codec_trace_encode(cat, &trace, &len);
        if (text == NULL)
            fuzz_fail("the trace does not encode");
        free(text);
    }
    arena_cleanup(&arena);

    /* Puts the counters back as the catalogue has them. */
    for (uint32_t i = 0; i < n_ids; i++)
        avail_set(avail, ids[i], cat->pool_left[ids[i]]);
    return 0;
}
