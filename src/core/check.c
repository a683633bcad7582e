/*
 * check.c - checking a profile, SPEC section 6.
 *
 * Every check is one row of the table checks[] below: its name, its
 * severity, the function that looks, and the sentence of section 6 it
 * enforces. Profile checks run first, then the line checks for each line
 * in order, so the findings read in the order of the profile.
 */
#include "check.h"

#include "avail.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "propose.h"
#include "rules.h"
#include "utf8.h"

/* What a check looks at and where its findings go. */
struct check_ctx {
    const struct enc_catalogue *cat;
    const struct enc_profile *profile;
    uint32_t p;
    struct enc_time now;
    struct enc_findings *out;
    enum enc_severity severity; /* of the check running */
    bool oom;
};

enum check_scope {
    SCOPE_PROFILE,
    SCOPE_LINE,
};

/* A profile check ignores line; a line check gets the line's index. */
typedef void (*check_fn)(struct check_ctx *ctx, uint32_t line);

struct check {
    const char *name;
    enum enc_severity severity;
    enum check_scope scope;
    check_fn run;
    const char *spec; /* the sentence of SPEC 6 it enforces */
};

void
findings_init(struct enc_findings *f)
{
    f->n = 0;
    f->cap = 0;
    f->n_errors = 0;
    f->items = NULL;
}

void
findings_cleanup(struct enc_findings *f)
{
    free(f->items);
    findings_init(f);
}

/*
 * Appends a finding of the running check. Past ENC_MAX_FINDINGS findings
 * are dropped, but errors are still counted, so an import is refused even
 * when its list is cut short.
 */
__attribute__((format(printf, 3, 4))) static void
finding_add(struct check_ctx *ctx, int32_t line, const char *fmt, ...)
{
    struct enc_findings *f = ctx->out;
    struct enc_finding *it;
    va_list ap;

    if (ctx->severity == SEVERITY_ERROR)
        f->n_errors++;
    if (f->n >= ENC_MAX_FINDINGS)
        return;
    if (f->n == f->cap) {
        uint32_t cap = f->cap == 0 ? 16 : 2 * f->cap;
        void *items = realloc(f->items, cap * sizeof(*f->items));
        if (items == NULL) {
            ctx->oom = true;
            return;
        }
        f->items = items;
        f->cap = cap;
    }
    it = &f->items[f->n++];
    it->profile = ctx->p;
    it->line = line;
    it->severity = ctx->severity;
    va_start(ap, fmt);
    vsnprintf(it->message, sizeof(it->message), fmt, ap);
    va_end(ap);
    utf8_repair(it->message); /* two long codes may be cut short */
}

/* ---- Helpers ---- */

static const struct enc_line *
ctx_line(const struct check_ctx *ctx, uint32_t line)
{
    return &ctx->profile->lines[line];
}

/* True when i indexes one of n records. */
static bool
index_valid(int32_t i, uint32_t n)
{
    return i >= 0 && (uint32_t)i < n;
}

/* The code of product i, or "?" when it does not exist. */
static const char *
product_code(const struct enc_catalogue *cat, int32_t i)
{
    return index_valid(i, cat->n_products) ? cat->products[i].code : "?";
}

static bool
product_valid(const struct enc_catalogue *cat, int32_t i)
{
    return index_valid(i, cat->n_products);
}

/* Reports each entry of list (written at path) that indexes none of n
 * records of kind what. */
static void
unknown_in_list(struct check_ctx *ctx, int32_t line, const char *path,
                const int32_t *list, uint32_t n_list, uint32_t n,
                const char *what)
{
    for (uint32_t i = 0; i < n_list; i++)
        if (!index_valid(list[i], n))
            finding_add(ctx, line, "%s[%u]: unknown %s", path, i, what);
}

/* ---- Errors ---- */

/* SPEC 6: a channel the profile names is unknown. */
static void
check_profile_unknown(struct check_ctx *ctx, uint32_t line)
{
    (void)line;
    unknown_in_list(ctx, -1, "channels", ctx->profile->channels,
                    ctx->profile->n_channels, ctx->cat->n_channels, "channel");
}

/* SPEC 6: a code a target uses (product, filters) is unknown. */
static void
target_unknown(struct check_ctx *ctx, int32_t li, uint32_t t)
{
    const struct enc_catalogue *cat = ctx->cat;
    const struct enc_target *tg = &ctx_line(ctx, (uint32_t)li)->targets[t];
    char path[64];

    if (!product_valid(cat, tg->product))
        finding_add(ctx, li, "targets[%u].product: unknown product", t);
    snprintf(path, sizeof(path), "targets[%u].seat_categories", t);
    unknown_in_list(ctx, li, path, tg->seat_categories, tg->n_seat_categories,
                    cat->n_seat_categories, "seat category");
    snprintf(path, sizeof(path), "targets[%u].audiences", t);
    unknown_in_list(ctx, li, path, tg->audiences, tg->n_audiences,
                    cat->n_audiences, "audience");
}

/* SPEC 6: a code the line uses (base, targets, when) is unknown. */
static void
check_line_unknown(struct check_ctx *ctx, uint32_t li)
{
    const struct enc_catalogue *cat = ctx->cat;
    const struct enc_line *line = ctx_line(ctx, li);
    int32_t l = (int32_t)li;

    if (!product_valid(cat, line->base))
        finding_add(ctx, l, "base: unknown product");
    for (uint32_t t = 0; t < line->n_targets; t++)
        target_unknown(ctx, l, t);
    if (!line->when.present)
        return;
    unknown_in_list(ctx, l, "when.performances", line->when.performances,
                    line->when.n_performances, cat->n_performances,
                    "performance");
    unknown_in_list(ctx, l, "when.seat_categories", line->when.seat_categories,
                    line->when.n_seat_categories, cat->n_seat_categories,
                    "seat category");
}

/* SPEC 6: a target is its own base. */
static void
check_line_self_target(struct check_ctx *ctx, uint32_t li)
{
    const struct enc_line *line = ctx_line(ctx, li);

    for (uint32_t t = 0; t < line->n_targets; t++)
        if (line->targets[t].product == line->base &&
            product_valid(ctx->cat, line->base))
            finding_add(ctx, (int32_t)li, "targets[%u]: %s is its own base", t,
                        product_code(ctx->cat, line->base));
}

/* SPEC 6: an upsell target is not a package containing the base. */
static void
check_line_upsell_package(struct check_ctx *ctx, uint32_t li)
{
    const struct enc_line *line = ctx_line(ctx, li);

    if (line->type != LINE_UPSELL || !product_valid(ctx->cat, line->base))
        return;
    for (uint32_t t = 0; t < line->n_targets; t++) {
        int32_t p = line->targets[t].product;
        if (!product_valid(ctx->cat, p) || p == line->base ||
            product_contains(ctx->cat, p, line->base))
            continue;
        finding_add(
            ctx, (int32_t)li,
            "targets[%u]: upsell target %s is not a package containing %s", t,
            product_code(ctx->cat, p), product_code(ctx->cat, line->base));
    }
}

/* SPEC 6: `when` stands on a line that is not conditional. */
static void
check_line_when_type(struct check_ctx *ctx, uint32_t li)
{
    const struct enc_line *line = ctx_line(ctx, li);

    if (line->when.present && line->type != LINE_CONDITIONAL)
        finding_add(ctx, (int32_t)li, "when on a %s line (conditional only)",
                    line_type_name(line->type));
}

/*
 * SPEC 6: a quantity or a per below 1, or min > max. max is the one R8
 * would use: as written, else max_per_order, else 10, lowered to
 * max_per_order; a min above it leaves nothing to choose.
 */
static void
target_quantity_bad(struct check_ctx *ctx, int32_t li, uint32_t t)
{
    const struct enc_target *tg = &ctx_line(ctx, (uint32_t)li)->targets[t];
    const struct enc_quantity *q = &tg->quantity;
    uint32_t mpo = 0, max;

    if (product_valid(ctx->cat, tg->product))
        mpo = ctx->cat->products[tg->product].max_per_order;
    if (q->has_per && q->per < 1)
        finding_add(ctx, li, "targets[%u].quantity.per is below 1", t);
    if (q->has_value && q->value < 1)
        finding_add(ctx, li, "targets[%u].quantity.value is below 1", t);
    if (q->has_min && q->min < 1)
        finding_add(ctx, li, "targets[%u].quantity.min is below 1", t);
    if (q->has_max && q->max < 1)
        finding_add(ctx, li, "targets[%u].quantity.max is below 1", t);
    if (q->mode != QTY_CHOICE || !q->has_min)
        return;
    max = q->has_max ? q->max : (mpo > 0 ? mpo : ENC_DEFAULT_CHOICE_MAX);
    if (mpo > 0 && max > mpo)
        max = mpo;
    if (q->min <= max)
        return;
    if (q->has_max && q->max > max)
        finding_add(ctx, li,
                    "targets[%u].quantity: min %u > max %u (max %u lowered "
                    "to the product's max_per_order %u)",
                    t, q->min, max, q->max, mpo);
    else if (!q->has_max)
        finding_add(ctx, li, "targets[%u].quantity: min %u > max %u (%s)", t,
                    q->min, max,
                    mpo > 0 ? "the product's max_per_order" : "the default");
    else
        finding_add(ctx, li, "targets[%u].quantity: min %u > max %u", t, q->min,
                    max);
}

/* SPEC 6: quantities of the targets, and when.min_quantity, below 1. */
static void
check_line_quantity(struct check_ctx *ctx, uint32_t li)
{
    const struct enc_line *line = ctx_line(ctx, li);

    if (line->when.present && line->when.has_min_quantity &&
        line->when.min_quantity < 1)
        finding_add(ctx, (int32_t)li, "when.min_quantity is below 1");
    for (uint32_t t = 0; t < line->n_targets; t++)
        target_quantity_bad(ctx, (int32_t)li, t);
}

/* SPEC 6: valid_to is before valid_from. */
static void
check_line_validity_order(struct check_ctx *ctx, uint32_t li)
{
    const struct enc_line *line = ctx_line(ctx, li);

    if (line->valid_from.set && line->valid_to.set &&
        line->valid_to.at.utc < line->valid_from.at.utc)
        finding_add(ctx, (int32_t)li, "valid_to is before valid_from");
}

/* SPEC 6: a channel is not of type internet. */
static void
check_profile_channel_type(struct check_ctx *ctx, uint32_t line)
{
    const struct enc_profile *pr = ctx->profile;

    (void)line;
    for (uint32_t i = 0; i < pr->n_channels; i++) {
        const struct enc_channel *c;
        if (!index_valid(pr->channels[i], ctx->cat->n_channels))
            continue;
        c = &ctx->cat->channels[pr->channels[i]];
        if (c->type != CHANNEL_INTERNET)
            finding_add(ctx, -1, "channel %s is of type %s, not internet",
                        c->code, channel_type_name(c->type));
    }
}

/* The first active profile before profile p that names channel c, or -1. */
static int32_t
channel_earlier_active(const struct enc_catalogue *cat, uint32_t p, int32_t c)
{
    for (uint32_t q = 0; q < p; q++) {
        const struct enc_profile *pr = &cat->profiles[q];
        if (pr->status != PROFILE_ACTIVE)
            continue;
        for (uint32_t i = 0; i < pr->n_channels; i++)
            if (pr->channels[i] == c)
                return (int32_t)q;
    }
    return ENC_NONE;
}

/* SPEC 6: an active profile names a channel that another active profile
 * names. Reported on each active profile after the first naming it. */
static void
check_profile_channel_taken(struct check_ctx *ctx, uint32_t line)
{
    const struct enc_profile *pr = ctx->profile;

    (void)line;
    if (pr->status != PROFILE_ACTIVE)
        return;
    for (uint32_t i = 0; i < pr->n_channels; i++) {
        int32_t c = pr->channels[i];
        int32_t q;
        if (!index_valid(c, ctx->cat->n_channels))
            continue;
        q = channel_earlier_active(ctx->cat, ctx->p, c);
        if (q != ENC_NONE)
            finding_add(ctx, -1,
                        "channel %s is also named by active profile %s",
                        ctx->cat->channels[c].code, ctx->cat->profiles[q].code);
    }
}

/* ---- Warnings ---- */

/* SPEC 6: a line has expired (valid_to is past). */
static void
check_line_expired(struct check_ctx *ctx, uint32_t li)
{
    const struct enc_line *line = ctx_line(ctx, li);
    char when[TIME_RFC3339_MAX];

    if (!line->valid_to.set || line->valid_to.at.utc >= ctx->now.utc)
        return;
    if (line->valid_to.date_only)
        time_format_date(line->valid_to.day, when);
    else
        time_format_rfc3339(line->valid_to.at, when);
    finding_add(ctx, (int32_t)li, "line expired on %s", when);
}

/* A performance is left when it starts after now and its sale has not
 * closed (a sale opening later still leaves it). */
static bool
performance_left(const struct enc_performance *pf, struct enc_time now)
{
    if (pf->start.utc <= now.utc)
        return false;
    return !(pf->has_sale && pf->sale.to.set && pf->sale.to.at.utc < now.utc);
}

/* R7: what is left at pf for rows of seat category sc (-1: no pool),
 * from the live counters the catalogue follows, else its own values. */
static int64_t
check_pool_left(const struct enc_catalogue *cat,
                const struct enc_performance *pf, int32_t sc)
{
    if (cat->live == NULL)
        return rules_pool_left(pf, sc);
    int32_t id =
        avail_pool_for_row(cat, (uint32_t)(pf - cat->performances), sc);
    return id < 0 ? -1 : avail_left(cat->live, (uint32_t)id);
}

/* True when one of the rows target tg allows has something left at pf. */
static bool
performance_has_stock(const struct enc_catalogue *cat,
                      const struct enc_product *pr, const struct enc_target *tg,
                      const struct enc_performance *pf)
{
    for (uint32_t i = 0; i < pr->n_prices; i++)
        if (rules_price_allowed(tg, &pr->prices[i]) &&
            check_pool_left(cat, pf, pr->prices[i].seat_category) > 0)
            return true;
    return false;
}

/* The stock left of undated product pr (has_stock), live when followed. */
static int64_t
check_stock_left(const struct enc_catalogue *cat, const struct enc_product *pr)
{
    if (cat->live == NULL || pr->stock_pool < 0)
        return pr->stock;
    return avail_left(cat->live, (uint32_t)pr->stock_pool);
}

/* SPEC 6: target t has no performance left, or is sold out (R7 pools of
 * the rows it allows, or the stock of an undated product). */
static void
target_sold_out(struct check_ctx *ctx, int32_t li, uint32_t t)
{
    const struct enc_target *tg = &ctx_line(ctx, (uint32_t)li)->targets[t];
    const struct enc_product *pr;
    bool left = false, stock = false;

    if (!product_valid(ctx->cat, tg->product))
        return;
    pr = &ctx->cat->products[tg->product];
    if (pr->n_performances == 0) {
        if (pr->has_stock && check_stock_left(ctx->cat, pr) == 0)
            finding_add(ctx, li, "targets[%u]: %s is sold out", t, pr->code);
        return;
    }
    for (uint32_t k = 0; k < pr->n_performances && !stock; k++) {
        const struct enc_performance *pf =
            &ctx->cat->performances[pr->perf_first + k];
        if (!performance_left(pf, ctx->now))
            continue;
        left = true;
        stock = performance_has_stock(ctx->cat, pr, tg, pf);
    }
    if (!left)
        finding_add(ctx, li, "targets[%u]: %s has no performance left", t,
                    pr->code);
    else if (!stock)
        finding_add(ctx, li, "targets[%u]: %s is sold out", t, pr->code);
}

/* SPEC 6: a target is sold out or has no performance left. */
static void
check_line_sold_out(struct check_ctx *ctx, uint32_t li)
{
    for (uint32_t t = 0; t < ctx_line(ctx, li)->n_targets; t++)
        target_sold_out(ctx, (int32_t)li, t);
}

/* True when product p has a price row or a performance pool of seat
 * category sc. */
static bool
product_has_seat_category(const struct enc_catalogue *cat, int32_t p,
                          int32_t sc)
{
    const struct enc_product *pr = &cat->products[p];

    for (uint32_t i = 0; i < pr->n_prices; i++)
        if (pr->prices[i].seat_category == sc)
            return true;
    for (uint32_t k = 0; k < pr->n_performances; k++) {
        const struct enc_performance *pf =
            &cat->performances[pr->perf_first + k];
        for (uint32_t i = 0; i < pf->n_pools; i++)
            if (pf->pools[i].seat_category == sc)
                return true;
    }
    return false;
}

/* True when every performance `when` names has started: a cart can no
 * longer hold an item of it. Unknown ones are an error of their own. */
static bool
when_performances_over(const struct check_ctx *ctx, const struct enc_when *w)
{
    if (w->n_performances == 0)
        return false;
    for (uint32_t i = 0; i < w->n_performances; i++) {
        int32_t pf = w->performances[i];
        if (!index_valid(pf, ctx->cat->n_performances) ||
            ctx->cat->performances[pf].start.utc > ctx->now.utc)
            return false;
    }
    return true;
}

/* SPEC 6: a line can never fire: every performance its conditions name is
 * over, or a seat category it names is not the base's. */
static void
check_line_never_fires(struct check_ctx *ctx, uint32_t li)
{
    const struct enc_line *line = ctx_line(ctx, li);
    const struct enc_when *w = &line->when;

    if (!w->present || !product_valid(ctx->cat, line->base))
        return;
    if (when_performances_over(ctx, w))
        finding_add(ctx, (int32_t)li,
                    "can never fire: every performance in when is over");
    for (uint32_t i = 0; i < w->n_seat_categories; i++) {
        int32_t sc = w->seat_categories[i];
        if (!index_valid(sc, ctx->cat->n_seat_categories) ||
            product_has_seat_category(ctx->cat, line->base, sc))
            continue;
        finding_add(ctx, (int32_t)li,
                    "can never fire: seat category %s is not one of %s's",
                    ctx->cat->seat_categories[sc].code,
                    product_code(ctx->cat, line->base));
    }
}

/*
 * R8 and SPEC 6: the least quantity target t can propose, 0 when it has
 * none fixed by the line (choice): a fixed value, or a proportional
 * ceil(q / per) for the least matched quantity q, when.min_quantity on a
 * conditional line, else 1.
 */
static uint32_t
target_least_quantity(const struct enc_line *line, const struct enc_target *tg)
{
    const struct enc_quantity *q = &tg->quantity;
    uint32_t base = 1, per = q->has_per && q->per > 0 ? q->per : 1;

    if (q->mode == QTY_FIXED)
        return q->has_value ? q->value : 0;
    if (q->mode != QTY_PROPORTIONAL)
        return 0;
    if (line->type == LINE_CONDITIONAL && line->when.present &&
        line->when.has_min_quantity && line->when.min_quantity > 1)
        base = line->when.min_quantity;
    return (base + per - 1) / per;
}

/* SPEC 6 and R8: a target whose fixed or proportional quantity is always
 * above its product's max_per_order is never shown: it can never fire. */
static void
check_line_above_max_per_order(struct check_ctx *ctx, uint32_t li)
{
    const struct enc_line *line = ctx_line(ctx, li);

    for (uint32_t t = 0; t < line->n_targets; t++) {
        const struct enc_target *tg = &line->targets[t];
        uint32_t least = target_least_quantity(line, tg), mpo;
        if (!product_valid(ctx->cat, tg->product))
            continue;
        mpo = ctx->cat->products[tg->product].max_per_order;
        if (mpo == 0 || least <= mpo)
            continue;
        if (tg->quantity.mode == QTY_FIXED)
            finding_add(ctx, (int32_t)li,
                        "targets[%u] can never fire: fixed quantity %u is "
                        "above %s's max_per_order %u (R8)",
                        t, least, product_code(ctx->cat, tg->product), mpo);
        else
            finding_add(ctx, (int32_t)li,
                        "targets[%u] can never fire: proportional quantity "
                        "is at least %u, above %s's max_per_order %u (R8)",
                        t, least, product_code(ctx->cat, tg->product), mpo);
    }
}

/* True when performance pf is one an item counting as base may have: one
 * of base's, or of a package containing base (R4). */
static bool
performance_of_base(const struct enc_catalogue *cat, int32_t pf, int32_t base)
{
    int32_t owner = cat->performances[pf].product;

    return owner == base ||
           (product_valid(cat, owner) && product_contains(cat, owner, base));
}

/* SPEC 6: a performance in when that is not the base's (nor of a package
 * containing it) matches no item: the line never fires on it. */
static void
check_line_when_foreign_performance(struct check_ctx *ctx, uint32_t li)
{
    const struct enc_line *line = ctx_line(ctx, li);
    const struct enc_when *w = &line->when;

    if (!w->present || !product_valid(ctx->cat, line->base))
        return;
    for (uint32_t i = 0; i < w->n_performances; i++) {
        int32_t pf = w->performances[i];
        if (!index_valid(pf, ctx->cat->n_performances) ||
            performance_of_base(ctx->cat, pf, line->base))
            continue;
        finding_add(ctx, (int32_t)li,
                    "can never fire on when.performances[%u]: %s is a "
                    "performance of %s, not of the base %s",
                    i, ctx->cat->performances[pf].code,
                    product_code(ctx->cat, ctx->cat->performances[pf].product),
                    product_code(ctx->cat, line->base));
    }
}

/* SPEC 6: a draft names a channel that an active profile holds. */
static void
check_profile_draft_channel(struct check_ctx *ctx, uint32_t line)
{
    const struct enc_catalogue *cat = ctx->cat;
    const struct enc_profile *pr = ctx->profile;

    (void)line;
    if (pr->status != PROFILE_DRAFT)
        return;
    for (uint32_t i = 0; i < pr->n_channels; i++) {
        int32_t c = pr->channels[i];
        int32_t q;
        if (!index_valid(c, cat->n_channels))
            continue;
        q = channel_earlier_active(cat, cat->n_profiles, c);
        if (q != ENC_NONE)
            finding_add(ctx, -1, "channel %s is held by active profile %s",
                        cat->channels[c].code, cat->profiles[q].code);
    }
}

/* ---- The table ---- */

#define ERR SEVERITY_ERROR
#define WARN SEVERITY_WARNING

static const struct check checks[] = {
    {"unknown-code", ERR, SCOPE_PROFILE, check_profile_unknown,
     "a code it uses is unknown"},
    {"channel-type", ERR, SCOPE_PROFILE, check_profile_channel_type,
     "a channel is not of type internet"},
    {"channel-taken", ERR, SCOPE_PROFILE, check_profile_channel_taken,
     "an active profile names a channel that another active profile "
     "names"},
    {"draft-channel", WARN, SCOPE_PROFILE, check_profile_draft_channel,
     "a draft names a channel that an active profile holds"},
    {"unknown-code", ERR, SCOPE_LINE, check_line_unknown,
     "a code it uses is unknown"},
    {"self-target", ERR, SCOPE_LINE, check_line_self_target,
     "a target is its own base"},
    {"upsell-package", ERR, SCOPE_LINE, check_line_upsell_package,
     "an upsell target is not a package containing the base"},
    {"when-type", ERR, SCOPE_LINE, check_line_when_type,
     "`when` stands on a line that is not `conditional`"},
    {"quantity", ERR, SCOPE_LINE, check_line_quantity,
     "a quantity or a `per` is below 1, or `min > max`"},
    {"validity-order", ERR, SCOPE_LINE, check_line_validity_order,
     "`valid_to` is before `valid_from`"},
    {"expired", WARN, SCOPE_LINE, check_line_expired, "a line has expired"},
    {"sold-out", WARN, SCOPE_LINE, check_line_sold_out,
     "a target is sold out or has no performance left"},
    {"never-fires", WARN, SCOPE_LINE, check_line_never_fires,
     "a line can never fire (every performance its conditions name is "
     "over, or a seat category it names is not the base's)"},
    {"never-fires", WARN, SCOPE_LINE, check_line_when_foreign_performance,
     "a line can never fire on a performance of `when` that is not the "
     "base's (nor of a package containing it)"},
    {"never-fires", WARN, SCOPE_LINE, check_line_above_max_per_order,
     "a target can never fire: its fixed or proportional quantity is above "
     "its product's `max_per_order` (R8)"},
};

#define N_CHECKS (sizeof(checks) / sizeof(checks[0]))

/* Runs the checks of one scope (for line li when SCOPE_LINE). */
static void
checks_run(struct check_ctx *ctx, enum check_scope scope, uint32_t li)
{
    for (size_t i = 0; i < N_CHECKS && !ctx->oom; i++) {
        if (checks[i].scope != scope)
            continue;
        ctx->severity = checks[i].severity;
        checks[i].run(ctx, li);
    }
}

bool
check_profile(const struct enc_catalogue *cat, uint32_t p, struct enc_time now,
              struct enc_findings *out)
{
    struct check_ctx ctx = {.cat = cat, .p = p, .now = now, .out = out};

    if (p >= cat->n_profiles)
        return true;
    ctx.profile = &cat->profiles[p];
    checks_run(&ctx, SCOPE_PROFILE, 0);
    for (uint32_t li = 0; li < ctx.profile->n_lines && !ctx.oom; li++)
        checks_run(&ctx, SCOPE_LINE, li);
    return !ctx.oom;
}

bool
check_all(const struct enc_catalogue *cat, struct enc_time now,
          struct enc_findings *out)
{
    for (uint32_t p = 0; p < cat->n_profiles; p++)
        if (!check_profile(cat, p, now, out))
            return false;
    return true;
}
