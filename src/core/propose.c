/*
 * propose.c - the rules of a proposal, R1 to R14 of SPEC section 4.
 *
 * The walk follows R14: placements in enum order; within one, the
 * profile's lines in order; within a line, the base groups of R4 in cart
 * order; within a group, the line's targets in order. Each target goes
 * through the rules in turn (R10 never its own base, R5 on sale, R6 date
 * mode, R10 already there, R11 once, R8 quantity, R12 upsell row, R6/R7
 * performances and pools, R9 offers) and is kept only if every rule lets
 * it through. Everything allocated (the answer's arrays, and scratch: the
 * groups, the products held, the lines selected) comes from the caller's
 * arena.
 *
 * TODO(speed): 5-item carts take 0.91 us (p50) on the large catalogue,
 * 62.6 times json-rules-engine warmed up (bench/RESULTS.md; issue 4 asks
 * 100). About 690 ns is compute, most of it listing a favourite target's
 * 20 performances and 3 pools each; about 300 ns are misses on a chain
 * of 7 dependent loads from an item to a target's pools, TLB misses
 * first: huge pages for the catalogue's arena cut the cold time 8-15 % in
 * a trial, not yet tried in the arena.
 */
#include "propose.h"
#include "avail.h"
#include "rules.h"
#include "trace.h"

#include <assert.h>
#include <string.h>

/* R14: what each placement shows when the profile sets no limit. */
static const uint32_t default_limits[PLACEMENT_COUNT] = {
    [PLACEMENT_INSTEAD] = 1,
    [PLACEMENT_UNDER_CART] = 5,
    [PLACEMENT_SIDEBAR] = 4,
    [PLACEMENT_CONFIRMATION] = 6,
};

/*
 * A hint that memory at p will be read soon. A request touches a few
 * records spread over a large catalogue; asking for them together lets
 * their cache misses overlap instead of queueing (a profile of 5-item
 * carts pointed at them: items' products and performances, the lines).
 */
#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* R11: the date key of a proposal offered on any date. */
#define ANY_DAY INT64_MIN

/* A row key that no row the plan may offer has (struct walk). */
#define KEY_OFF INT64_MIN

#define SECONDS_PER_DAY 86400

/* A base group of R4: the items of the base product at one performance. */
struct group {
    int32_t performance; /* -1: the undated group */
    int64_t day;         /* local day of performance, when there is one */
    uint64_t total;      /* every item of the group, in base units */
    uint64_t matched;    /* those that satisfy the line's `when` */
    uint64_t items;      /* the items' own quantities (an upsell's) */
};

/*
 * The products a list of items holds (R4, R10): each item's product and,
 * for a package, every product inside it. Sorted when there are more
 * than HELD_SHORT of them, so that held_has() searches them by halves;
 * a few are only scanned.
 */
struct held {
    uint32_t n;
    int32_t *products;
};
#define HELD_SHORT 16

/* What one request walk carries from step to step. */
struct walk {
    const struct enc_catalogue *cat;
    const struct enc_avail *avail; /* NULL: the catalogue's own values */
    struct enc_trace *trace;       /* NULL: no trace (trace.h) */
    const struct enc_request *req;
    const struct enc_profile *profile;
    struct arena *arena;
    struct group *groups; /* scratch, room for n_cart + 1 */
    struct held bases;    /* products the R4 items hold */
    struct held cart;     /* products the cart holds (R10) */
    uint32_t *lines;      /* lines_select(): indexes into the profile's */
    uint32_t n_lines;
    /* The same lines by placement (R14): placement p's are placed[
     * placed_first[p] .. placed_first[p + 1]), each in profile order. */
    uint32_t *placed;
    uint32_t placed_first[PLACEMENT_COUNT + 1];
    /* Per row key of the product being planned: KEY_OFF when none of the
     * rows the plan may offer has that key, else scratch of R7/R9. */
    int64_t *keys;
    /* The keys that are not KEY_OFF, in key order. */
    uint16_t *on;
    uint32_t n_on;
    const uint8_t *cart_pkg; /* per cart item: its product is a package */
    uint8_t focus_pkg;       /* the focus's product is a package */
    int32_t lang;            /* R13: index among the institution's, or -1 */
    struct enc_answer *out;
    int64_t *day_keys;            /* R11 day key of each kept proposal */
    uint32_t cap;                 /* room in out->proposals and day_keys */
    uint32_t placement_first;     /* first proposal of the current placement */
    enum enc_placement placement; /* the current placement */
};

/*
 * How one target is to be proposed for one group, worked out from what the
 * target says and the defaults of SPEC 3 before pools are looked at.
 */
struct plan {
    const struct enc_line *line;
    const struct enc_target *target;
    const struct group *group;
    const struct enc_product *product;
    bool same_day;          /* R6 same_as_base, in effect */
    enum enc_qty_mode mode; /* QTY_FIXED or QTY_CHOICE */
    uint32_t value, min, max;
    uint32_t need;      /* what a pool must hold: value, or min (R7) */
    int32_t upsell_row; /* R12: the one allowed price row, or -1 */
    uint32_t n_rows;    /* the rows it may offer (plan_keys()) */
    bool all_rows;      /* every row of the product may be offered */
};

/* ---- R1, R2, R3, R14: which lines ---- */

/* R1: the active profile of the channel, or -1. */
static int32_t
profile_for_channel(const struct enc_catalogue *cat, int32_t channel)
{
    if (channel < 0 || (uint32_t)channel >= cat->n_channels)
        return ENC_NONE;
    if (cat->channels[channel].type != CHANNEL_INTERNET)
        return ENC_NONE;
    if (cat->channel_profile == NULL)
        return ENC_NONE;
    return cat->channel_profile[channel];
}

/* True when now lies in the window (an unset bound is open). R2, R5, R6. */
static bool
window_contains(const struct enc_bound *from, const struct enc_bound *to,
                struct enc_time now)
{
    if (from->set && now.utc < from->at.utc)
        return false;
    if (to->set && now.utc > to->at.utc)
        return false;
    return true;
}

/* R2: the line counts only when valid_from <= now <= valid_to. */
static bool
line_is_valid(const struct enc_line *line, struct enc_time now)
{
    return window_contains(&line->valid_from, &line->valid_to, now);
}

/* R14: how many proposals a placement of the profile may show. */
static uint32_t
placement_limit(const struct enc_profile *profile, enum enc_placement pl)
{
    return profile->has_limit[pl] ? profile->limit[pl] : default_limits[pl];
}

/* ---- R4: base groups ---- */

/* Moves a[i] down the max-heap of the n first entries of a. */
static void
heap_sift(int32_t *a, uint32_t n, uint32_t i)
{
    for (;;) {
        uint32_t big = i, l = 2 * i + 1, r = 2 * i + 2;
        int32_t t;
        if (l < n && a[l] > a[big])
            big = l;
        if (r < n && a[r] > a[big])
            big = r;
        if (big == i)
            return;
        t = a[i];
        a[i] = a[big];
        a[big] = t;
        i = big;
    }
}

/* Sorts n indexes (products, lines) in place, ascending, without memory
 * beyond the array (DESIGN: no heap allocation on the request path,
 * which qsort() may do): by insertion when short, as a request's usually
 * are, else a heap sort. */
static void
ints_sort(int32_t *a, uint32_t n)
{
    if (n <= 16) {
        for (uint32_t i = 1; i < n; i++) {
            int32_t v = a[i];
            uint32_t j = i;
            for (; j > 0 && a[j - 1] > v; j--)
                a[j] = a[j - 1];
            a[j] = v;
        }
        return;
    }
    for (uint32_t i = n / 2; i-- > 0;)
        heap_sift(a, n, i);
    for (uint32_t end = n; end-- > 1;) {
        int32_t t = a[0];
        a[0] = a[end];
        a[end] = t;
        heap_sift(a, end, 0);
    }
}

/* The catalogue whose arena holds cat's records and their dense copies
 * (model.h); catalogue_records_owner() without the call. */
static const struct enc_catalogue *
records(const struct enc_catalogue *cat)
{
    return cat->records_owner != NULL ? cat->records_owner : cat;
}

/* How many products product p (in range) holds, 0 for one that is not a
 * package: from the dense copy when the catalogue has one. */
static uint32_t
product_inside(const struct enc_catalogue *cat, int32_t p)
{
    const uint32_t *dense = records(cat)->product_contents;

    return dense != NULL ? dense[p] : cat->products[p].n_contents;
}

/* The local day of performance f (in range), from the dense copy when
 * the catalogue has one. */
static int64_t
performance_day(const struct enc_catalogue *cat, int32_t f)
{
    const int32_t *dense = records(cat)->performance_day;

    return dense != NULL ? dense[f] : cat->performances[f].local_day;
}

/* True when v is one of the n values of list. */
static bool
list_has(const int32_t *list, uint32_t n, int32_t v)
{
    for (uint32_t i = 0; i < n; i++)
        if (list[i] == v)
            return true;
    return false;
}

/*
 * Fills *h with the products the n items hold (R4: an item of a package
 * counts for each product inside it), from the arena, and pkg[i] (room
 * for n) with whether item i is a package. Returns false when out of
 * memory.
 */
static bool
held_build(const struct enc_catalogue *cat, const struct enc_item *items,
           uint32_t n, struct arena *arena, struct held *h, uint8_t *pkg)
{
    uint64_t room = 1;

    const int32_t *days = records(cat)->performance_day;

    /* Also asks for what the items lead to next: their lines
     * (lines_select()) and their performances' days (group_add()). */
    for (uint32_t i = 0; i < n; i++) {
        uint32_t inside = 0;
        if (items[i].product >= 0 &&
            (uint32_t)items[i].product < cat->n_products) {
            PREFETCH(&cat->base_first[items[i].product]);
            inside = product_inside(cat, items[i].product);
        }
        if (days != NULL && items[i].performance >= 0 &&
            (uint32_t)items[i].performance < cat->n_performances)
            PREFETCH(&days[items[i].performance]);
        pkg[i] = inside > 0;
        room += 1 + inside;
    }
    h->n = 0;
    h->products = arena_alloc_raw(arena, room * sizeof(*h->products));
    if (h->products == NULL)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        const struct enc_product *pr;
        if (items[i].product < 0 ||
            (uint32_t)items[i].product >= cat->n_products)
            continue;
        h->products[h->n++] = items[i].product;
        if (!pkg[i])
            continue;
        pr = &cat->products[items[i].product];
        for (uint32_t k = 0; k < pr->n_contents; k++)
            h->products[h->n++] = pr->contents[k];
    }
    if (h->n > HELD_SHORT)
        ints_sort(h->products, h->n);
    return true;
}

/* True when product p is among those held (a binary search). */
static bool
held_has(const struct held *h, int32_t p)
{
    uint32_t lo = 0, hi = h->n;

    if (h->n <= HELD_SHORT)
        return list_has(h->products, h->n, p);
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (h->products[mid] == p)
            return true;
        if (h->products[mid] < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* R4: an item counts as an item of product p when it is p, or a package
 * containing p (at the package item's performance). pkg: the item's
 * product is a package (known without reading the product). */
static bool
item_counts_as(const struct enc_catalogue *cat, const struct enc_item *it,
               bool pkg, int32_t p)
{
    return it->product == p || (pkg && product_contains(cat, it->product, p));
}

/* R4: an item satisfies `when` when its performance and seat category are
 * among those named (each only if given). Only conditional lines have one
 * in effect (SPEC 6 refuses it elsewhere). */
static bool
item_satisfies_when(const struct enc_line *line, const struct enc_item *it)
{
    const struct enc_when *w = &line->when;

    if (line->type != LINE_CONDITIONAL || !w->present)
        return true;
    if (w->n_performances > 0 &&
        !list_has(w->performances, w->n_performances, it->performance))
        return false;
    if (w->n_seat_categories > 0 &&
        !list_has(w->seat_categories, w->n_seat_categories, it->seat_category))
        return false;
    return true;
}

/* Adds item it to its group (one per performance, in order of first
 * appearance) among the *n groups; the caller made room. */
static void
group_add(const struct enc_catalogue *cat, const struct enc_line *line,
          const struct enc_item *it, struct group *groups, uint32_t *n)
{
    int32_t perf = it->performance;
    uint32_t g = 0;

    if (perf < 0 || (uint32_t)perf >= cat->n_performances)
        perf = ENC_NONE;
    while (g < *n && groups[g].performance != perf)
        g++;
    if (g == *n) {
        groups[g].performance = perf;
        groups[g].day = perf >= 0 ? performance_day(cat, perf) : 0;
        groups[g].total = 0;
        groups[g].matched = 0;
        groups[g].items = 0;
        (*n)++;
    }
    /* R4: a package of two B bought twice is four B (DECISIONS). */
    uint64_t units = it->product == line->base
                         ? it->quantity
                         : (uint64_t)it->quantity *
                               product_count_in(cat, it->product, line->base);
    groups[g].items += it->quantity;
    groups[g].total += units;
    if (item_satisfies_when(line, it))
        groups[g].matched += units;
}

/*
 * R4: the base groups of line, into w->groups; returns how many. At stage
 * product the focus alone is looked at (R3). A group's matched quantity is
 * its total on a line that is not conditional.
 */
static uint32_t
group_collect(struct walk *w, const struct enc_line *line)
{
    const struct enc_request *req = w->req;
    uint32_t n = 0;

    if (req->stage == STAGE_PRODUCT) {
        if (req->has_focus &&
            item_counts_as(w->cat, &req->focus, w->focus_pkg, line->base))
            group_add(w->cat, line, &req->focus, w->groups, &n);
    } else {
        for (uint32_t i = 0; i < req->n_cart; i++)
            if (item_counts_as(w->cat, &req->cart[i], w->cart_pkg[i],
                               line->base))
                group_add(w->cat, line, &req->cart[i], w->groups, &n);
    }
    if (line->type != LINE_CONDITIONAL)
        for (uint32_t g = 0; g < n; g++)
            w->groups[g].matched = w->groups[g].total;
    return n;
}

/* R4: a conditional line applies to a group reaching when.min_quantity
 * (default 1); any other line to every group. */
static bool
group_applies(const struct enc_line *line, const struct group *g)
{
    uint32_t min = 1;

    if (line->type != LINE_CONDITIONAL)
        return true;
    if (line->when.present && line->when.has_min_quantity)
        min = line->when.min_quantity;
    return g->matched >= min && g->matched > 0;
}

/* ---- R5, R10, R11: whether a target may be proposed at all ---- */

/* R5: the target exists, is not archived, is sold on this channel and its
 * sale window contains now. Returns TRACE_PROPOSED when it is on sale,
 * else why not. */
static enum enc_trace_reason
target_on_sale(const struct walk *w, int32_t p)
{
    const struct enc_product *pr;

    if (p < 0 || (uint32_t)p >= w->cat->n_products)
        return TRACE_R5_NOT_ON_SALE;
    pr = &w->cat->products[p];
    if (pr->archived)
        return TRACE_R5_ARCHIVED;
    if (pr->n_channels > 0 &&
        !list_has(pr->channels, pr->n_channels, w->req->channel))
        return TRACE_R5_NOT_ON_CHANNEL;
    if (pr->has_sale &&
        !window_contains(&pr->sale.from, &pr->sale.to, w->req->now))
        return TRACE_R5_NOT_ON_SALE;
    return TRACE_PROPOSED;
}

/* The local day of an item's performance, or ANY_DAY when it has none. */
static int64_t
item_day(const struct enc_catalogue *cat, const struct enc_item *it)
{
    if (it->performance < 0 || (uint32_t)it->performance >= cat->n_performances)
        return ANY_DAY;
    return performance_day(cat, it->performance);
}

/* R10: the product is in the cart (an item of it, or of a package holding
 * it); for a same_as_base target, only on the group's day. */
static bool
target_in_cart(const struct walk *w, const struct plan *pl, int32_t p)
{
    if (!held_has(&w->cart, p))
        return false;
    for (uint32_t i = 0; i < w->req->n_cart; i++) {
        const struct enc_item *it = &w->req->cart[i];
        if (!item_counts_as(w->cat, it, w->cart_pkg[i], p))
            continue;
        if (!pl->same_day || item_day(w->cat, it) == pl->group->day)
            return true;
    }
    return false;
}

/* R11: the date part of a proposal's identity. */
static int64_t
plan_day_key(const struct plan *pl)
{
    return pl->same_day ? pl->group->day : ANY_DAY;
}

/* ---- SPEC 3 defaults, R6 date mode, R8 quantity ---- */

/* A product is dated when it has performances (R6). */
static bool
product_is_dated(const struct enc_product *pr)
{
    return pr->n_performances > 0;
}

/* SPEC 3: a dated target of a cart or conditional line follows the base
 * when the base group has a performance; else the buyer chooses. */
static enum enc_date_mode
default_date_mode(enum enc_line_type type, bool dated_group)
{
    if ((type == LINE_CART || type == LINE_CONDITIONAL) && dated_group)
        return DATE_SAME_AS_BASE;
    return DATE_CHOICE;
}

/*
 * R6 and SPEC 3: sets pl->same_day, whether the target offers only the
 * group's local day. Returns false when the target cannot be proposed for
 * this group (a dated same_as_base target of an undated group). Upsell
 * targets follow the focus's date, and R12 leaves the date to the buyer
 * when the focus has no performance.
 */
static bool
plan_date(struct plan *pl)
{
    enum enc_date_mode mode = pl->target->date;
    bool dated_group = pl->group->performance >= 0;

    pl->same_day = false;
    if (!product_is_dated(pl->product))
        return true; /* an undated target has no date to follow */
    if (pl->line->type == LINE_UPSELL) {
        pl->same_day = mode != DATE_CHOICE && dated_group;
        return true;
    }
    if (mode == DATE_DEFAULT)
        mode = default_date_mode(pl->line->type, dated_group);
    if (mode == DATE_SAME_AS_BASE && !dated_group)
        return false;
    pl->same_day = mode == DATE_SAME_AS_BASE;
    return true;
}

/* R8: ceil(base / per), as a quantity, saturating past the 32-bit range. */
static uint32_t
proportional_value(uint64_t base, uint32_t per)
{
    uint64_t q = (base + per - 1) / per;

    return q > UINT32_MAX ? UINT32_MAX : (uint32_t)q;
}

/*
 * R8 and SPEC 3: the quantity to propose. Upsell targets default to the
 * focus's quantity (fixed); others to the buyer's choice. Returns false
 * when a fixed or proportional quantity is above max_per_order or above
 * what one order may hold (SPEC 5), or when a choice has no room.
 */
static bool
plan_quantity(struct plan *pl)
{
    const struct enc_quantity *q = &pl->target->quantity;
    uint32_t mpo = pl->product->max_per_order;
    enum enc_qty_mode mode = q->mode;

    if (mode == QTY_DEFAULT)
        mode = pl->line->type == LINE_UPSELL ? QTY_PROPORTIONAL : QTY_CHOICE;
    if (mode == QTY_CHOICE) {
        pl->mode = QTY_CHOICE;
        pl->min = q->has_min ? q->min : 1;
        pl->max =
            q->has_max ? q->max : (mpo > 0 ? mpo : ENC_DEFAULT_CHOICE_MAX);
        if (mpo > 0 && pl->max > mpo)
            pl->max = mpo;
        if (pl->max > ENC_MAX_QUANTITY)
            pl->max = ENC_MAX_QUANTITY;
        pl->need = pl->min;
        return pl->min >= 1 && pl->min <= pl->max;
    }
    pl->mode = QTY_FIXED;
    if (mode == QTY_FIXED)
        pl->value = q->has_value ? q->value : 1;
    else if (q->mode == QTY_DEFAULT) /* upsell: the focus item's quantity */
        pl->value = proportional_value(pl->group->items, 1);
    else
        pl->value = proportional_value(pl->group->matched,
                                       q->has_per && q->per > 0 ? q->per : 1);
    pl->need = pl->value;
    if (pl->value < 1 || pl->value > ENC_MAX_QUANTITY)
        return false;
    return mpo == 0 || pl->value <= mpo;
}

/* ---- R7 pools, R9 allowed rows, R12 the upsell's row ---- */

/* R7 (rules.h): the pool a row of seat category sc draws on at pf. */
int32_t
rules_pool_index(const struct enc_performance *pf, int32_t sc)
{
    int32_t shared = ENC_NONE;

    for (uint32_t i = 0; i < pf->n_pools; i++) {
        if (sc >= 0 && pf->pools[i].seat_category == sc)
            return (int32_t)i;
        if (pf->pools[i].seat_category == ENC_NONE)
            shared = (int32_t)i;
    }
    return shared;
}

/* R7 (rules.h): what is left there, as the catalogue says. */
int64_t
rules_pool_left(const struct enc_performance *pf, int32_t sc)
{
    int32_t k = rules_pool_index(pf, sc);

    return k < 0 ? -1 : pf->pools[k].left;
}

/* R7: what is left in pool id (avail.h; -1: no pool, -1 returned), from
 * the live counters when the walk has them, else the catalogue's. */
static int64_t
pool_read(const struct walk *w, int32_t id)
{
    if (id < 0)
        return -1;
    if (w->avail != NULL)
        return avail_left(w->avail, (uint32_t)id);
    return w->cat->pool_left[id];
}

/* R7: the stock left of an undated product, -1 when unlimited; from the
 * live counters when the walk has them. */
static int64_t
stock_left(const struct walk *w, const struct enc_product *pr)
{
    if (!pr->has_stock)
        return -1;
    if (pr->stock_pool >= 0)
        return pool_read(w, pr->stock_pool);
    return pr->stock;
}

/* R9 (rules.h): the target's seat category and audience filters. */
bool
rules_price_allowed(const struct enc_target *t, const struct enc_price *row)
{
    if (t->n_seat_categories > 0 && row->seat_category != ENC_NONE &&
        !list_has(t->seat_categories, t->n_seat_categories, row->seat_category))
        return false;
    if (t->n_audiences > 0 && row->audience != ENC_NONE &&
        !list_has(t->audiences, t->n_audiences, row->audience))
        return false;
    return true;
}

/* R12: a row's field v matches the focus's f: exactly (or any row when
 * the focus does not say), or also as a wildcard when loose. */
static bool
field_matches(int32_t v, int32_t f, bool loose)
{
    return f == ENC_NONE || v == f || (loose && v == ENC_NONE);
}

/*
 * R12: the price row of pr for a focus of seat category sc and audience
 * aud: the first row matching both exactly, else the first whose unset
 * fields act as wildcards; rows failing filter (when not NULL) are
 * skipped. Returns its index or -1.
 */
static int32_t
price_row_for_focus(const struct enc_product *pr, int32_t sc, int32_t aud,
                    const struct enc_target *filter)
{
    for (int pass = 0; pass < 2; pass++) {
        bool loose = pass == 1;
        for (uint32_t i = 0; i < pr->n_prices; i++) {
            const struct enc_price *row = &pr->prices[i];
            if (filter != NULL && !rules_price_allowed(filter, row))
                continue;
            if (field_matches(row->seat_category, sc, loose) &&
                field_matches(row->audience, aud, loose))
                return (int32_t)i;
        }
    }
    return ENC_NONE;
}

/* The rows a plan may offer: the upsell's one row (R12), or the rows its
 * target allows (R9). */
static bool
plan_row_allowed(const struct plan *pl, uint32_t i)
{
    if (pl->line->type == LINE_UPSELL)
        return (int32_t)i == pl->upsell_row;
    return rules_price_allowed(pl->target, &pl->product->prices[i]);
}

/*
 * R12: an upsell target is a package containing the base product, offered
 * through its row for the focus's seat category and audience; without
 * such a row it is not proposed. Sets the row and the price difference
 * (package row less the focus product's row, when both are known).
 */
static enum enc_trace_reason
plan_upsell(const struct walk *w, struct plan *pl, struct enc_proposal *p)
{
    const struct enc_item *focus = &w->req->focus;
    const struct enc_product *fp;
    int32_t row;

    pl->upsell_row = ENC_NONE;
    if (pl->line->type != LINE_UPSELL)
        return TRACE_PROPOSED;
    if (!product_contains(w->cat, pl->target->product, pl->line->base))
        return TRACE_R12_NOT_A_PACKAGE;
    pl->upsell_row = price_row_for_focus(pl->product, focus->seat_category,
                                         focus->audience, pl->target);
    if (pl->upsell_row == ENC_NONE)
        return TRACE_R12_NO_PRICE_ROW;
    fp = &w->cat->products[focus->product];
    row = price_row_for_focus(fp, focus->seat_category, focus->audience, NULL);
    if (row != ENC_NONE) {
        p->has_price_difference = true;
        p->price_difference =
            pl->product->prices[pl->upsell_row].amount - fp->prices[row].amount;
    }
    return TRACE_PROPOSED;
}

/* ---- R6, R7: the performances offered ---- */

/* R6: the performance of slot s is offered only if it starts after now,
 * for same_as_base falls on the group's local day, and its own sale
 * window (if any) contains now. */
static bool
performance_open(const struct walk *w, const struct plan *pl,
                 const struct enc_perf_slot *s)
{
    const struct enc_performance *pf;

    if (s->utc <= w->req->now.utc)
        return false;
    if (pl->same_day && s->local_day != pl->group->day)
        return false;
    if (!s->has_sale)
        return true;
    pf = &w->cat->performances[s->perf];
    return window_contains(&pf->sale.from, &pf->sale.to, w->req->now);
}

/*
 * R7, R9: marks in w->keys the row keys of the rows the plan may offer
 * (-1), the others KEY_OFF, and counts those rows into pl->n_rows. Rows
 * of one key draw on one pool, so the pools are read per key.
 */
static void
plan_keys(struct walk *w, struct plan *pl)
{
    const struct enc_product *pr = pl->product;
    const struct enc_target *t = pl->target;

    /* A target without filters, on a line other than an upsell, may
     * offer every row: no row needs a look. */
    pl->all_rows = pl->line->type != LINE_UPSELL && t->n_seat_categories == 0 &&
                   t->n_audiences == 0;
    w->n_on = 0;
    if (pl->all_rows) {
        pl->n_rows = pr->n_prices;
        for (uint32_t k = 0; k < pr->n_keys; k++) {
            w->keys[k] = -1;
            w->on[w->n_on++] = (uint16_t)k;
        }
        return;
    }
    for (uint32_t k = 0; k < pr->n_keys; k++)
        w->keys[k] = KEY_OFF;
    pl->n_rows = 0;
    for (uint32_t i = 0; i < pr->n_prices; i++)
        if (plan_row_allowed(pl, i)) {
            w->keys[pr->row_key[i]] = -1;
            pl->n_rows++;
        }
    for (uint32_t k = 0; k < pr->n_keys; k++)
        if (w->keys[k] != KEY_OFF)
            w->on[w->n_on++] = (uint16_t)k;
}

/* R7: what is left in pool id, -1 when id is -1 (no pool): from the
 * live counters live, else from the catalogue's own values. */
static inline int64_t
pool_value(const struct enc_avail *live, const int64_t *own, int32_t id)
{
    if (id < 0)
        return -1;
    return live != NULL ? avail_left(live, (uint32_t)id) : own[id];
}

/* R7: the largest pool left at the performance of slot k among the rows
 * the plan may offer, or -1 when none of them has a pool there. */
static int64_t
performance_available(const struct walk *w, const struct plan *pl, uint32_t k)
{
    const struct enc_product *pr = pl->product;
    const int32_t *ids = pr->slot_pools + (size_t)k * pr->n_keys;
    int64_t best = -1;

    for (uint32_t j = 0; j < w->n_on; j++) {
        int64_t v = pool_value(w->avail, w->cat->pool_left, ids[w->on[j]]);
        best = v > best ? v : best;
    }
    return best;
}

/*
 * Narrows [*lo, *hi) around the first of the n slots (n > 1, by start)
 * that starts after `after`, given that slots[0] starts at or before it
 * and slots[n - 1] after it: a guess from where `after` falls between
 * those two starts, then steps doubling away from the guess until they
 * pass it. Performances spread evenly over time (a service every day)
 * are found in a probe or two, where a binary search over a year of them
 * reads nine cache lines.
 */
static void
slots_guess(const struct enc_perf_slot *slots, uint32_t n, int64_t after,
            uint32_t *lo, uint32_t *hi)
{
    double span = (double)slots[n - 1].utc - (double)slots[0].utc;
    double at = span > 0 ? ((double)after - (double)slots[0].utc) / span : 0;
    uint32_t g = 0;

    /* Only a guess: any g in [0, n) is correct, rounding included. */
    if (at > 0)
        g = at < 1 ? (uint32_t)(at * (double)(n - 1)) : n - 1;
    if (slots[g].utc <= after) {
        *lo = g + 1;
        for (uint32_t step = 1; g + step < n; step *= 2) {
            if (slots[g + step].utc > after) {
                *hi = g + step;
                return;
            }
            *lo = g + step + 1;
        }
        return;
    }
    *hi = g;
    for (uint32_t step = 1; step <= g; step *= 2) {
        if (slots[g - step].utc <= after) {
            *lo = g - step + 1;
            return;
        }
        *hi = g - step;
    }
}

/* The position of the first of the n slots (by start) that starts after
 * `after`; n when none does. */
static uint32_t
slots_after(const struct enc_perf_slot *slots, uint32_t n, int64_t after)
{
    uint32_t lo = 0, hi = n;

    if (n == 0 || slots[0].utc > after)
        return 0;
    if (slots[n - 1].utc <= after)
        return n;
    slots_guess(slots, n, after, &lo, &hi);
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (slots[mid].utc <= after)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/*
 * The first position in the product's start order worth looking at: the
 * first start after now and, for same_as_base, not earlier than a day
 * before the group's day (an offset never reaches a full day).
 */
static uint32_t
performance_first(const struct walk *w, const struct plan *pl)
{
    const struct enc_product *pr = pl->product;
    int64_t after = w->req->now.utc;

    if (pl->same_day &&
        pl->group->day * SECONDS_PER_DAY - SECONDS_PER_DAY > after)
        after = pl->group->day * SECONDS_PER_DAY - SECONDS_PER_DAY;
    return slots_after(pr->slots, pr->n_performances, after);
}

/*
 * R6, R7 and SPEC 8: lists into p the performances of a dated target that
 * are open and where an allowed row has the needed quantity left, earliest
 * first, at most ENC_MAX_PERFORMANCES, and sets w->keys[k] of each key the
 * plan offers to its largest pool among them (-1: none there; R9).
 * Returns the largest pool listed (-1 when none is listed).
 */
static int64_t
performances_list(struct walk *w, const struct plan *pl, struct enc_proposal *p)
{
    const struct enc_product *pr = pl->product;
    /* Read once into locals: the stores below could otherwise alias
     * them, and the loop would read them again at every slot. */
    const struct enc_avail *live = w->avail;
    const int64_t *own = w->cat->pool_left;
    const uint16_t *on = w->on;
    struct enc_offered_performance *out = p->performances;
    int64_t *keys = w->keys;
    int64_t largest = -1, need = pl->need;
    uint32_t n = 0, n_on = w->n_on, n_keys = pr->n_keys;
    uint32_t first = performance_first(w, pl);
    const struct enc_perf_slot *s = pr->slots + first;
    const struct enc_perf_slot *end = pr->slots + pr->n_performances;
    const int32_t *ids = pr->slot_pools + (size_t)first * n_keys;
    /* same_as_base: the slots of the group's day, which all start
     * before the end of the next UTC day (an offset is under a day). */
    int64_t day = pl->group->day;
    int64_t stop = pl->same_day ? (day + 2) * SECONDS_PER_DAY : INT64_MAX;

    /* From performance_first() on, every slot starts after now (R6). */
    for (; s < end && n < ENC_MAX_PERFORMANCES; s++, ids += n_keys) {
        int64_t avail = -1;

        if (s->utc >= stop)
            break;
        if ((pl->same_day && s->local_day != day) ||
            (s->has_sale && !performance_open(w, pl, s)))
            continue;
        /* R7: the largest pool of the keys on. Each key's best is raised
         * here even when the slot is not listed: its pools are then all
         * below need, so a key only they raise still offers nothing. */
        for (uint32_t j = 0; j < n_on; j++) {
            int64_t v = pool_value(live, own, ids[on[j]]);
            avail = v > avail ? v : avail;
            keys[on[j]] = v > keys[on[j]] ? v : keys[on[j]];
        }
        if (avail < need)
            continue;
        out[n].performance = s->perf;
        out[n].available = avail;
        n++;
        largest = avail > largest ? avail : largest;
    }
    p->n_performances = n;
    return largest;
}

/* ---- R9: the offers ---- */

/*
 * R9: the offers are the allowed rows whose pool has the needed quantity
 * at one offered performance at least (an undated target: its stock, -1
 * unlimited), each with its largest pool there (w->keys, from
 * performances_list()). Fills p->offers from the arena; returns false
 * when out of memory.
 */
static bool
offers_build(struct walk *w, const struct plan *pl, struct enc_proposal *p)
{
    const struct enc_product *pr = pl->product;
    bool dated = product_is_dated(pr);
    int64_t stock = dated ? -1 : stock_left(w, pr);

    p->n_offers = 0;
    p->offers = NULL;
    if (pl->n_rows == 0)
        return true;
    p->offers = arena_alloc_raw(w->arena, pl->n_rows * sizeof(*p->offers));
    if (p->offers == NULL)
        return false;
    for (uint32_t i = 0; i < pr->n_prices; i++) {
        int64_t avail = dated ? w->keys[pr->row_key[i]] : stock;
        bool has = dated ? avail >= (int64_t)pl->need
                         : avail < 0 || avail >= (int64_t)pl->need;
        if (!has || (!pl->all_rows && !plan_row_allowed(pl, i)))
            continue;
        p->offers[p->n_offers].price = i;
        p->offers[p->n_offers].available = avail;
        p->n_offers++;
    }
    return true;
}

/* ---- Assembling the answer ---- */

/* Makes room for one more proposal, doubling the arrays in the arena. */
static bool
proposals_reserve(struct walk *w)
{
    struct enc_answer *out = w->out;
    struct enc_proposal *items;
    int64_t *keys;
    uint32_t cap;

    if (out->n_proposals < w->cap)
        return true;
    cap = w->cap == 0 ? 8 : 2 * w->cap;
    /* Not zeroed: a slot is written whole before it is kept. */
    items = arena_alloc_raw(w->arena, cap * sizeof(*items));
    keys = arena_alloc_raw(w->arena, cap * sizeof(*keys));
    if (items == NULL || keys == NULL)
        return false;
    if (out->n_proposals > 0) {
        memcpy(items, out->proposals, out->n_proposals * sizeof(*items));
        memcpy(keys, w->day_keys, out->n_proposals * sizeof(*keys));
    }
    out->proposals = items;
    w->day_keys = keys;
    w->cap = cap;
    return true;
}

/* R11: true when the current placement already shows this product on this
 * date key. */
static bool
placement_has(const struct walk *w, int32_t product, int64_t day_key)
{
    for (uint32_t i = w->placement_first; i < w->out->n_proposals; i++)
        if (w->out->proposals[i].product == product &&
            w->day_keys[i] == day_key)
            return true;
    return false;
}

/* The number of languages of the institution. */
static uint32_t
n_langs(const struct enc_catalogue *cat)
{
    return cat->institution.n_languages;
}

/* R13: the item of text to show, -1 when none: from by_lang (compiled
 * per language of the institution) when the asked language is one, else
 * by catalogue_text_item(). */
static int32_t
text_pick(const struct walk *w, const struct enc_text *text,
          const int16_t *by_lang)
{
    if (w->lang >= 0 && by_lang != NULL)
        return by_lang[w->lang];
    return catalogue_text_item(w->cat, text, w->req->lang);
}

/* R13: the name of the proposal's product in the asked language (its
 * code when it has none), from the dense copy when the catalogue has one
 * and the language is one of the institution's. */
static void
proposal_name(const struct walk *w, const struct plan *pl,
              struct enc_proposal *p)
{
    const struct enc_name_pick *names = records(w->cat)->product_names;

    if (names != NULL && w->lang >= 0) {
        const struct enc_name_pick *n =
            &names[(size_t)pl->target->product * n_langs(w->cat) +
                   (uint32_t)w->lang];
        p->name_item = n->item;
        p->name = n->value;
        return;
    }
    p->name_item = text_pick(w, &pl->product->name, pl->product->name_by_lang);
    p->name = p->name_item >= 0 ? pl->product->name.items[p->name_item].value
                                : pl->product->code;
}

/* The parts of a proposal known before pools are looked at; R13 for the
 * name (falling back to the code) and the line's text. */
static void
proposal_start(const struct walk *w, const struct plan *pl, uint32_t li,
               struct enc_proposal *p)
{
    /* Every field but the performances, which n_performances bounds: the
     * proposal is written in place, and 20 of them are most of its size. */
    p->n_performances = 0;
    p->n_offers = 0;
    p->offers = NULL;
    p->has_price_difference = false;
    p->price_difference = 0;
    p->quantity_mode = QTY_FIXED;
    p->value = p->min = p->max = 0;
    p->line = li;
    p->type = pl->line->type;
    p->placement = w->placement;
    p->base_product = pl->line->base;
    p->base_performance = pl->group->performance;
    p->product = pl->target->product;
    proposal_name(w, pl, p);
    p->text_item =
        text_pick(w, &pl->line->text,
                  w->profile->text_by_lang != NULL
                      ? w->profile->text_by_lang + (size_t)li * n_langs(w->cat)
                      : NULL);
    p->text =
        p->text_item >= 0 ? pl->line->text.items[p->text_item].value : NULL;
}

/* ---- Why a target was stopped, for a trace only ---- */

/* True when the plan may offer one price row at least (R9, R12). */
static bool
plan_has_row(const struct plan *pl)
{
    return pl->n_rows > 0;
}

/*
 * Why a dated target lists no performance: no row to offer (R9), no open
 * performance (R6, that day or at all), nothing left (R7) or less than
 * the quantity (R8). Only a trace pays for this second look.
 */
static enum enc_trace_reason
why_no_performance(const struct walk *w, const struct plan *pl)
{
    const struct enc_product *pr = pl->product;
    bool open = false;
    int64_t best = -1;

    if (!plan_has_row(pl))
        return TRACE_R9_NO_OFFER;
    for (uint32_t k = 0; k < pr->n_performances; k++) {
        int64_t left;
        if (!performance_open(w, pl, &pr->slots[k]))
            continue;
        open = true;
        left = performance_available(w, pl, k);
        if (left > best)
            best = left;
    }
    if (!open)
        return pl->same_day ? TRACE_R6_NO_PERFORMANCE_DAY
                            : TRACE_R6_NO_PERFORMANCE;
    return best > 0 ? TRACE_R8_ABOVE_LEFT : TRACE_R7_SOLD_OUT;
}

/* Why a target has no offer: no row allowed (R9), or an undated stock
 * empty (R7) or below the quantity (R8). */
static enum enc_trace_reason
why_no_offer(const struct walk *w, const struct plan *pl)
{
    int64_t stock;

    if (!plan_has_row(pl) || product_is_dated(pl->product))
        return TRACE_R9_NO_OFFER;
    stock = stock_left(w, pl->product);
    if (stock == 0)
        return TRACE_R7_SOLD_OUT;
    return stock > 0 && stock < (int64_t)pl->need ? TRACE_R8_ABOVE_LEFT
                                                  : TRACE_R9_NO_OFFER;
}

/*
 * R6, R7, R9: the performances (or the stock of an undated target) and
 * the offers of a plan whose quantity and row are known. *why is
 * TRACE_PROPOSED when something can be offered; *largest gets the largest
 * pool offered (-1: unlimited). Returns ENC_INTERNAL when out of memory.
 */
static enum enc_code
plan_offers(struct walk *w, const struct plan *pl, struct enc_proposal *p,
            int64_t *largest, enum enc_trace_reason *why)
{
    if (product_is_dated(pl->product)) {
        *largest = performances_list(w, pl, p);
        if (p->n_performances == 0) {
            *why =
                w->trace ? why_no_performance(w, pl) : TRACE_R6_NO_PERFORMANCE;
            return ENC_OK;
        }
    } else {
        *largest = stock_left(w, pl->product);
    }
    if (!offers_build(w, pl, p))
        return ENC_INTERNAL;
    if (p->n_offers == 0)
        *why = w->trace ? why_no_offer(w, pl) : TRACE_R9_NO_OFFER;
    return ENC_OK;
}

/*
 * Works out plan pl (its line, target and group set by the caller) and,
 * when every rule lets the target through, fills *p; *why gets
 * TRACE_PROPOSED then, else the first rule that stopped it. Returns
 * ENC_INTERNAL when out of memory.
 */
static enum enc_code
target_evaluate(struct walk *w, uint32_t li, struct plan *pl,
                struct enc_proposal *p, enum enc_trace_reason *why)
{
    int32_t product = pl->target->product;
    int64_t largest = -1;
    enum enc_code rc;

    *why = product == pl->line->base ? TRACE_R10_OWN_BASE
                                     : target_on_sale(w, product);
    if (*why != TRACE_PROPOSED)
        return ENC_OK; /* R10 (never its own target), R5 */
    pl->product = &w->cat->products[product];
    if (!plan_date(pl))
        *why = TRACE_R6_BASE_UNDATED;
    else if (target_in_cart(w, pl, product))
        *why = TRACE_R10_IN_CART;
    else if (placement_has(w, product, plan_day_key(pl)))
        *why = TRACE_R11_DUPLICATE;
    if (*why != TRACE_PROPOSED)
        return ENC_OK;
    proposal_start(w, pl, li, p);
    *why = plan_quantity(pl) ? plan_upsell(w, pl, p)
                             : TRACE_R8_ABOVE_MAX_PER_ORDER;
    if (*why != TRACE_PROPOSED)
        return ENC_OK; /* R8, R12 */
    plan_keys(w, pl);
    rc = plan_offers(w, pl, p, &largest, why);
    if (rc != ENC_OK || *why != TRACE_PROPOSED)
        return rc; /* R6, R7, R8, R9 */

    /* R7: a choice's maximum is capped by the largest pool offered. */
    p->quantity_mode = pl->mode;
    p->value = pl->value;
    p->min = pl->min;
    p->max = pl->max;
    if (pl->mode == QTY_CHOICE && largest >= 0 && largest < (int64_t)p->max)
        p->max = (uint32_t)largest;
    return ENC_OK;
}

/* Notes in the trace that target t of line li (-1: the line or the
 * group as a whole) for group g (NULL: none) ended for reason why. */
static enum enc_code
trace_note(struct walk *w, uint32_t li, int32_t t, const struct group *g,
           enum enc_trace_reason why)
{
    const struct enc_line *line = &w->profile->lines[li];
    struct enc_trace_entry e = {
        .line = li,
        .target = t,
        .product = t >= 0 ? line->targets[t].product : ENC_NONE,
        .has_group = g != NULL,
        .base_performance = g != NULL ? g->performance : ENC_NONE,
        .reason = why,
    };

    return trace_add(w->trace, w->arena, &e) ? ENC_OK : ENC_INTERNAL;
}

/* Proposes target t of line li for group g, appending it when kept. */
static enum enc_code
target_propose(struct walk *w, uint32_t li, const struct group *g, uint32_t t)
{
    const struct enc_line *line = &w->profile->lines[li];
    struct plan pl = {.line = line, .target = &line->targets[t], .group = g};
    enum enc_trace_reason why;
    enum enc_code rc;

    /* Worked out in the answer's next slot, kept by counting it. */
    if (!proposals_reserve(w))
        return ENC_INTERNAL;
    rc = target_evaluate(w, li, &pl, &w->out->proposals[w->out->n_proposals],
                         &why);
    if (rc == ENC_OK && w->trace != NULL)
        rc = trace_note(w, li, (int32_t)t, g, why);
    if (rc != ENC_OK || why != TRACE_PROPOSED)
        return rc;
    w->day_keys[w->out->n_proposals++] = plan_day_key(&pl);
    return ENC_OK;
}

/* The number of proposals the current placement holds. */
static uint32_t
placement_count(const struct walk *w)
{
    return w->out->n_proposals - w->placement_first;
}

/*
 * R4, R14: proposes the targets of line li for each of its base groups, in
 * group then target order, until the placement holds limit proposals.
 */
static enum enc_code
line_propose(struct walk *w, uint32_t li, uint32_t limit)
{
    const struct enc_line *line = &w->profile->lines[li];
    uint32_t n = group_collect(w, line);
    enum enc_code rc = ENC_OK;

    for (uint32_t g = 0; g < n && rc == ENC_OK; g++) {
        const struct group *grp = &w->groups[g];
        if (!group_applies(line, grp)) {
            if (w->trace != NULL)
                rc = trace_note(w, li, ENC_NONE, grp,
                                grp->matched == 0 ? TRACE_R4_NO_MATCH
                                                  : TRACE_R4_MIN_QUANTITY);
            continue;
        }
        for (uint32_t t = 0; t < line->n_targets && rc == ENC_OK; t++) {
            if (placement_count(w) < limit)
                rc = target_propose(w, li, grp, t);
            else if (w->trace != NULL)
                rc = trace_note(w, li, (int32_t)t, grp, TRACE_R14_OVER_LIMIT);
            else
                return ENC_OK;
        }
    }
    if (n == 0 && w->trace != NULL)
        rc = trace_note(w, li, ENC_NONE, NULL, TRACE_R4_BASE_NOT_IN_CART);
    return rc;
}

/* The run of base_lines of product b for the walk's profile and stage:
 * [*first, *end). A product's run is short (its lines in every profile),
 * so it is scanned. */
static void
base_run(const struct walk *w, int32_t b, uint32_t *first, uint32_t *end)
{
    const struct enc_catalogue *cat = w->cat;
    uint32_t key = BASE_LINE_KEY(w->out->profile, w->req->stage);
    uint32_t k = cat->base_first[b], last = cat->base_first[b + 1];

    while (k < last && cat->base_lines[k].key < key)
        k++;
    *first = k;
    while (k < last && cat->base_lines[k].key == key)
        k++;
    *end = k;
}

/*
 * R2, R14: keeps the selected lines valid now (each once, in profile
 * order already), copies them into w->placed grouped by placement, each
 * group in profile order (a counting sort on four keys), and asks for
 * what a kept line leads to: its targets, its text, the targets'
 * products (see PREFETCH).
 */
static void
lines_place(struct walk *w)
{
    const struct enc_line *lines = w->profile->lines;
    uint32_t next[PLACEMENT_COUNT], kept = 0;

    memset(w->placed_first, 0, sizeof(w->placed_first));
    for (uint32_t k = 0; k < w->n_lines; k++) {
        const struct enc_line *line = &lines[w->lines[k]];
        if (!line_is_valid(line, w->req->now))
            continue;
        PREFETCH(line->targets);
        if (w->profile->text_by_lang != NULL)
            PREFETCH(w->profile->text_by_lang +
                     (size_t)w->lines[k] * n_langs(w->cat));
        w->placed_first[line_type_placement(line->type) + 1]++;
        w->lines[kept++] = w->lines[k];
    }
    w->n_lines = kept;
    for (int pl = 0; pl < PLACEMENT_COUNT; pl++) {
        w->placed_first[pl + 1] += w->placed_first[pl];
        next[pl] = w->placed_first[pl];
    }
    for (uint32_t k = 0; k < w->n_lines; k++) {
        const struct enc_line *line = &lines[w->lines[k]];
        w->placed[next[line_type_placement(line->type)]++] = w->lines[k];
        for (uint32_t t = 0; t < line->n_targets; t++) {
            int32_t p = line->targets[t].product;
            if (p >= 0 && (uint32_t)p < w->cat->n_products)
                PREFETCH(&w->cat->products[p].archived);
        }
    }
}

/*
 * R2, R3, R4: the lines that may yield something for this request, in
 * profile order: used at this stage, with a base the items hold (both
 * from the catalogue's index, so the profile is never scanned) and valid
 * now. Returns false when out of memory.
 */
static bool
lines_select(struct walk *w)
{
    const struct held *h = &w->bases;
    uint32_t most = 1, kept = 0;

    for (uint32_t i = 0; i < h->n; i++) {
        uint32_t first = w->cat->base_first[h->products[i]];
        most += w->cat->base_first[h->products[i] + 1] - first;
        PREFETCH(&w->cat->base_lines[first]);
    }
    w->n_lines = 0;
    w->lines = arena_alloc_raw(w->arena, 2 * most * sizeof(*w->lines));
    if (w->lines == NULL)
        return false;
    w->placed = w->lines + most;
    for (uint32_t i = 0; i < h->n; i++) {
        uint32_t k, end;
        /* A product held twice lists its lines twice, kept once below;
         * when the products are sorted, its second run is not read. */
        if (i > 0 && h->products[i] == h->products[i - 1])
            continue;
        base_run(w, h->products[i], &k, &end);
        for (; k < end; k++) {
            uint32_t li = w->cat->base_lines[k].line;
            PREFETCH(&w->profile->lines[li].type);
            PREFETCH(&w->profile->lines[li].valid_from);
            w->lines[w->n_lines++] = li;
        }
    }
    /* Runs of several bases: back to profile order (R14), once each (a
     * line whose base is a set may be listed under several products, a
     * product may be held twice), while the lines asked for are on their
     * way. */
    ints_sort((int32_t *)w->lines, w->n_lines);
    for (uint32_t i = 0; i < w->n_lines; i++)
        if (kept == 0 || w->lines[i] != w->lines[kept - 1])
            w->lines[kept++] = w->lines[i];
    w->n_lines = kept;
    lines_place(w);
    return true;
}

/* R14: the selected lines of placement pl, in profile order, within the
 * placement's limit. */
static enum enc_code
placement_propose(struct walk *w, enum enc_placement pl)
{
    uint32_t limit = placement_limit(w->profile, pl);

    w->placement_first = w->out->n_proposals;
    w->placement = pl;
    for (uint32_t k = w->placed_first[pl]; k < w->placed_first[pl + 1]; k++) {
        uint32_t li = w->placed[k];
        enum enc_code rc;

        if (placement_count(w) < limit)
            rc = line_propose(w, li, limit);
        else if (w->trace != NULL)
            rc = trace_note(w, li, ENC_NONE, NULL, TRACE_R14_OVER_LIMIT);
        else
            break;
        if (rc != ENC_OK)
            return rc;
    }
    return ENC_OK;
}

/* R3, R2, R4: why line li was not selected for this request. */
static enum enc_trace_reason
line_unselected_reason(const struct walk *w, uint32_t li)
{
    const struct enc_line *line = &w->profile->lines[li];

    if (line_type_stage(line->type) != w->req->stage)
        return TRACE_R3_OTHER_STAGE;
    if (!line_is_valid(line, w->req->now))
        return TRACE_R2_NOT_VALID;
    return TRACE_R4_BASE_NOT_IN_CART;
}

/*
 * For a trace: notes why each line that lines_select() left out was left
 * out, then orders the whole trace by line (trace.h).
 */
static enum enc_code
trace_finish(struct walk *w)
{
    uint32_t k = 0;

    w->trace->profile = w->out->profile;
    for (uint32_t li = 0; li < w->profile->n_lines; li++) {
        enum enc_code rc;
        if (k < w->n_lines && w->lines[k] == li) {
            k++;
            continue;
        }
        rc = trace_note(w, li, ENC_NONE, NULL, line_unselected_reason(w, li));
        if (rc != ENC_OK)
            return rc;
    }
    return trace_sort(w->trace, w->arena, w->profile->n_lines) ? ENC_OK
                                                               : ENC_INTERNAL;
}

/*
 * The walk's scratch, in one piece from the arena: the groups, the keys
 * and the keys on (room for the most keys of a product), and one byte
 * per cart item, which is returned for
 * held_build(). Each is written before it is read. NULL when out of
 * memory.
 */
static uint8_t *
walk_scratch(struct walk *w)
{
    size_t keys = (size_t)w->cat->max_keys + 1, items = w->req->n_cart + 1;
    char *p = arena_alloc_raw(w->arena, items * sizeof(*w->groups) +
                                            keys * sizeof(*w->keys) +
                                            keys * sizeof(*w->on) + items);

    if (p == NULL)
        return NULL;
    w->groups = (struct group *)p;
    p += items * sizeof(*w->groups);
    w->keys = (int64_t *)p;
    p += keys * sizeof(*w->keys);
    w->on = (uint16_t *)p;
    p += keys * sizeof(*w->on);
    return (uint8_t *)p;
}

enum enc_code
enc_propose(const struct enc_catalogue *cat, const struct enc_request *req,
            struct arena *arena, struct enc_answer *out, struct enc_error *err)
{
    return enc_propose_with(cat, req, NULL, arena, out, err);
}

enum enc_code
enc_propose_with(const struct enc_catalogue *cat, const struct enc_request *req,
                 const struct enc_propose_opts *opts, struct arena *arena,
                 struct enc_answer *out, struct enc_error *err)
{
    struct walk w = {.cat = cat, .req = req, .arena = arena, .out = out};
    uint8_t *cart_pkg;

    if (opts != NULL) {
        w.avail = opts->avail;
        w.trace = opts->trace;
        assert(w.avail == NULL || w.avail->n_pools == cat->n_pools);
    }
    if (w.trace != NULL)
        *w.trace = (struct enc_trace){.profile = ENC_NONE};

    assert(req->n_cart <= ENC_MAX_CART);
    memset(out, 0, sizeof(*out));
    out->channel = req->channel;
    out->stage = req->stage;
    out->profile = profile_for_channel(cat, req->channel); /* R1 */
    out->now = req->now;
    if (out->profile == ENC_NONE)
        return ENC_OK;
    w.profile = &cat->profiles[out->profile];
    w.lang = catalogue_lang_index(cat, req->lang);
    cart_pkg = walk_scratch(&w);
    if (cart_pkg == NULL ||
        !held_build(cat, req->cart, req->n_cart, arena, &w.cart, cart_pkg))
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    w.cart_pkg = cart_pkg;
    w.bases = w.cart;
    /* R3: at stage product, the focus alone is looked at. */
    if (req->stage == STAGE_PRODUCT &&
        !held_build(cat, &req->focus, req->has_focus ? 1 : 0, arena, &w.bases,
                    &w.focus_pkg))
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    if (!lines_select(&w))
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    for (int pl = 0; pl < PLACEMENT_COUNT; pl++) {
        if (placement_propose(&w, (enum enc_placement)pl) != ENC_OK)
            return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    }
    if (w.trace != NULL && trace_finish(&w) != ENC_OK)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return ENC_OK;
}
