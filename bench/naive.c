/*
 * naive.c - the SQL-per-request baseline (naive.h). Follows R14's walk as
 * core/propose.c does, but every fact comes from a query made during the
 * request: the profile, each item's day, the lines of each base, their
 * targets, each target's product, prices and performances with pools.
 */
#include "naive.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "naive_schema.h"

#define NAIVE_MAX_LINES 1024   /* lines of one request */
#define NAIVE_MAX_TARGETS 1024 /* targets of those lines */
#define NAIVE_MAX_OUT 256      /* proposals of one request */
#define NAIVE_MAX_PRICES 64    /* price rows of one product */
#define NAIVE_MAX_POOLS 8      /* pools of one performance */
#define NAIVE_CODE 130         /* a code and its NUL (CODEC_MAX_CODE) */
#define NAIVE_LIST 512         /* a ",A,B," list */
#define NAIVE_DEFAULT_CHOICE_MAX 10
#define NAIVE_MAX_QUANTITY 1000

/* R14: the cart stage's placements, their line types and default
 * limits. */
enum { PLACE_UNDER_CART, PLACE_SIDEBAR, PLACE_COUNT };
static const unsigned default_limits[PLACE_COUNT] = {5, 4};

struct n_item {
    const char *product, *performance, *seat; /* performance may be NULL */
    uint32_t quantity;
    char day[16]; /* the performance's local date, "" when none */
};

struct n_target {
    char product[NAIVE_CODE];
    char date_mode[16], qty_mode[16];
    int64_t per, value, min, max;                  /* -1 when not written */
    char seats[NAIVE_LIST], audiences[NAIVE_LIST]; /* "" = any */
};

struct n_line {
    int64_t position;
    char id[NAIVE_CODE], base[NAIVE_CODE], type[16];
    int64_t min_quantity; /* -1: not written */
    char when_seats[NAIVE_LIST], when_perfs[NAIVE_LIST];
    bool targets_read;                /* once, when the line is first walked */
    uint32_t target_first, n_targets; /* into n_walk.targets */
};

struct n_group {
    const char *performance; /* NULL: undated */
    const char *day;
    uint64_t matched;
};

struct n_product {
    bool archived, dated, has_stock;
    int64_t stock, max_per_order; /* max_per_order 0: none */
};

struct n_pool {
    char seat[NAIVE_CODE]; /* "*" for the shared pool */
    int64_t left;
};

struct n_performance {
    uint32_t n_pools;
    struct n_pool pools[NAIVE_MAX_POOLS];
};

struct n_price {
    char seat[NAIVE_CODE], audience[NAIVE_CODE]; /* "" when not named */
};

struct n_proposal {
    const char *line, *product, *day; /* day "" = any date (R11) */
};

/* One request's walk. */
struct n_walk {
    struct naive *nv;
    const char *channel;
    int64_t now;
    int64_t profile;
    unsigned limits[PLACE_COUNT];
    uint32_t n_items;
    struct n_item *items;
    uint32_t n_lines;
    struct n_line lines[NAIVE_MAX_LINES];
    uint32_t n_targets;
    struct n_target targets[NAIVE_MAX_TARGETS];
    uint32_t n_out, first; /* first: the current placement's first */
    struct n_proposal out[NAIVE_MAX_OUT];
};

/* ---- the database ---- */

static void
naive_die(sqlite3 *db, const char *what)
{
    fprintf(stderr, "sqlnaive: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

void
naive_build(const char *src_path, const char *naive_path)
{
    sqlite3 *db = NULL;
    char sql[4200];

    if (access(naive_path, F_OK) == 0)
        return;
    if (sqlite3_open(naive_path, &db) != SQLITE_OK)
        naive_die(db, naive_path);
    snprintf(sql, sizeof(sql), "ATTACH 'file:%s?mode=ro' AS src", src_path);
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, naive_schema, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "COMMIT; ANALYZE main", NULL, NULL, NULL) != SQLITE_OK)
        naive_die(db, "building the baseline's tables");
    sqlite3_close(db);
}

static sqlite3_stmt *
naive_prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;

    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
        SQLITE_OK)
        naive_die(db, sql);
    return st;
}

void
naive_open(struct naive *nv, const char *path)
{
    memset(nv, 0, sizeof(*nv));
    if (sqlite3_open_v2(path, &nv->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        naive_die(nv->db, path);
    nv->profile = naive_prepare(nv->db, naive_q_profile);
    nv->day = naive_prepare(nv->db, naive_q_day);
    nv->lines = naive_prepare(nv->db, naive_q_lines);
    nv->targets = naive_prepare(nv->db, naive_q_targets);
    nv->product = naive_prepare(nv->db, naive_q_product);
    nv->prices = naive_prepare(nv->db, naive_q_prices);
    nv->same_day = naive_prepare(nv->db, naive_q_same_day);
    nv->any_day = naive_prepare(nv->db, naive_q_any_day);
    nv->walk = malloc(sizeof(*nv->walk));
    if (nv->walk == NULL)
        naive_die(nv->db, "out of memory");
}

void
naive_close(struct naive *nv)
{
    sqlite3_stmt *all[] = {nv->profile, nv->day,    nv->lines,    nv->targets,
                           nv->product, nv->prices, nv->same_day, nv->any_day};

    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
        sqlite3_finalize(all[i]);
    sqlite3_close(nv->db);
    free(nv->walk);
}

/* Copies column i of st (NULL as "") into buf of size bytes. */
static void
column_copy(sqlite3_stmt *st, int i, char *buf, size_t size)
{
    const unsigned char *t = sqlite3_column_text(st, i);

    snprintf(buf, size, "%s", t ? (const char *)t : "");
}

/* Column i of st as an integer, or dflt when NULL. */
static int64_t
column_int(sqlite3_stmt *st, int i, int64_t dflt)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return dflt;
    return sqlite3_column_int64(st, i);
}

/* Binds text (NULL as SQL NULL) as parameter i. */
static void
bind_text(sqlite3_stmt *st, int i, const char *text)
{
    sqlite3_bind_text(st, i, text, -1, SQLITE_STATIC);
}

/* True when code is in the ",A,B," list (an empty list holds any). */
static bool
list_holds(const char *list, const char *code)
{
    char key[NAIVE_CODE + 2];

    if (list[0] == '\0')
        return true;
    if (code == NULL)
        return false;
    snprintf(key, sizeof(key), ",%s,", code);
    return strstr(list, key) != NULL;
}

/* ---- R1, R2, R3, R4: profile, days and lines ---- */

/* R1: the active profile of the channel and its limits; false when
 * none applies. */
static bool
walk_profile(struct n_walk *w)
{
    sqlite3_stmt *st = w->nv->profile;
    bool found;

    bind_text(st, 1, w->channel);
    found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        w->profile = sqlite3_column_int64(st, 0);
        w->limits[PLACE_UNDER_CART] =
            (unsigned)column_int(st, 1, default_limits[PLACE_UNDER_CART]);
        w->limits[PLACE_SIDEBAR] =
            (unsigned)column_int(st, 2, default_limits[PLACE_SIDEBAR]);
    }
    sqlite3_reset(st);
    return found;
}

/* R6: the local date of each item's performance. */
static void
walk_days(struct n_walk *w)
{
    sqlite3_stmt *st = w->nv->day;

    for (uint32_t i = 0; i < w->n_items; i++) {
        struct n_item *it = &w->items[i];
        it->day[0] = '\0';
        if (it->performance == NULL)
            continue;
        bind_text(st, 1, it->performance);
        if (sqlite3_step(st) == SQLITE_ROW)
            column_copy(st, 0, it->day, sizeof(it->day));
        sqlite3_reset(st);
    }
}

/* R2, R3, R4: appends the lines of base valid now. */
static void
lines_read(struct n_walk *w, const char *base)
{
    sqlite3_stmt *st = w->nv->lines;

    sqlite3_bind_int64(st, 1, w->profile);
    bind_text(st, 2, base);
    sqlite3_bind_int64(st, 3, w->now);
    while (sqlite3_step(st) == SQLITE_ROW && w->n_lines < NAIVE_MAX_LINES) {
        struct n_line *l = &w->lines[w->n_lines++];
        l->position = sqlite3_column_int64(st, 0);
        column_copy(st, 1, l->id, sizeof(l->id));
        snprintf(l->base, sizeof(l->base), "%s", base);
        column_copy(st, 2, l->type, sizeof(l->type));
        l->min_quantity = column_int(st, 3, -1);
        column_copy(st, 4, l->when_seats, sizeof(l->when_seats));
        column_copy(st, 5, l->when_perfs, sizeof(l->when_perfs));
        l->n_targets = 0;
        l->targets_read = false;
    }
    sqlite3_reset(st);
}

static int
line_order(const void *a, const void *b)
{
    const struct n_line *x = a, *y = b;

    return (x->position > y->position) - (x->position < y->position);
}

/* R4, R14: the lines of every base the cart holds, in profile order. */
static void
walk_lines(struct n_walk *w)
{
    w->n_lines = 0;
    for (uint32_t i = 0; i < w->n_items; i++) {
        bool seen = false;
        for (uint32_t k = 0; k < i && !seen; k++)
            seen = strcmp(w->items[k].product, w->items[i].product) == 0;
        if (!seen)
            lines_read(w, w->items[i].product);
    }
    qsort(w->lines, w->n_lines, sizeof(*w->lines), line_order);
}

/* The line's targets, read when the line is first walked. */
static void
line_targets(struct n_walk *w, struct n_line *l)
{
    sqlite3_stmt *st = w->nv->targets;

    if (l->targets_read)
        return;
    l->target_first = w->n_targets;
    sqlite3_bind_int64(st, 1, w->profile);
    sqlite3_bind_int64(st, 2, l->position);
    while (sqlite3_step(st) == SQLITE_ROW && w->n_targets < NAIVE_MAX_TARGETS) {
        struct n_target *t = &w->targets[w->n_targets++];
        l->n_targets++;
        column_copy(st, 0, t->product, sizeof(t->product));
        column_copy(st, 1, t->date_mode, sizeof(t->date_mode));
        column_copy(st, 2, t->qty_mode, sizeof(t->qty_mode));
        t->per = column_int(st, 3, -1);
        t->value = column_int(st, 4, -1);
        t->min = column_int(st, 5, -1);
        t->max = column_int(st, 6, -1);
        column_copy(st, 7, t->seats, sizeof(t->seats));
        column_copy(st, 8, t->audiences, sizeof(t->audiences));
    }
    sqlite3_reset(st);
    l->targets_read = true;
}

/* ---- R4: base groups ---- */

static bool
same_performance(const char *a, const char *b)
{
    return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* R4: a conditional line counts the items its `when` lets through. */
static bool
item_satisfies(const struct n_line *l, const struct n_item *it)
{
    if (strcmp(l->type, "conditional") != 0)
        return true;
    return list_holds(l->when_seats, it->seat) &&
           list_holds(l->when_perfs, it->performance);
}

/* R4: the groups of line l (one per performance, in cart order) into
 * groups (room for every item); returns how many. */
static uint32_t
groups_collect(const struct n_walk *w, const struct n_line *l,
               struct n_group *groups)
{
    uint32_t n = 0;

    for (uint32_t i = 0; i < w->n_items; i++) {
        const struct n_item *it = &w->items[i];
        uint32_t g = 0;
        if (strcmp(it->product, l->base) != 0)
            continue;
        while (g < n &&
               !same_performance(groups[g].performance, it->performance))
            g++;
        if (g == n) {
            groups[n++] = (struct n_group){it->performance, it->day, 0};
        }
        if (item_satisfies(l, it))
            groups[g].matched += it->quantity;
    }
    return n;
}

/* R4: a conditional line applies to a group reaching its minimum. */
static bool
group_applies(const struct n_line *l, const struct n_group *g)
{
    int64_t min = l->min_quantity >= 0 ? l->min_quantity : 1;

    if (strcmp(l->type, "conditional") != 0)
        return true;
    return g->matched > 0 && (int64_t)g->matched >= min;
}

/* ---- R5 to R9 for one target ---- */

/* How one target is proposed for one group. */
struct n_plan {
    const struct n_line *line;
    const struct n_target *target;
    const struct n_group *group;
    struct n_product product;
    bool same_day;
    int64_t value, min, max, need;
    uint32_t n_prices;
    struct n_price prices[NAIVE_MAX_PRICES]; /* the allowed rows (R9) */
};

/* R5: reads the target's product; false when it is not on sale now on
 * this channel (or does not exist). */
static bool
product_read(struct n_walk *w, struct n_plan *pl)
{
    sqlite3_stmt *st = w->nv->product;
    bool ok = false;

    bind_text(st, 1, pl->target->product);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *status = sqlite3_column_text(st, 0);
        char channels[NAIVE_LIST];
        int64_t from = column_int(st, 2, INT64_MIN);
        int64_t to = column_int(st, 3, INT64_MAX);
        column_copy(st, 1, channels, sizeof(channels));
        pl->product.archived =
            status && strcmp((const char *)status, "archived") == 0;
        pl->product.has_stock = sqlite3_column_type(st, 4) != SQLITE_NULL;
        pl->product.stock = column_int(st, 4, 0);
        pl->product.max_per_order = column_int(st, 5, 0);
        pl->product.dated = column_int(st, 6, 0) > 0;
        ok = !pl->product.archived && list_holds(channels, w->channel) &&
             from <= w->now && w->now <= to;
    }
    sqlite3_reset(st);
    return ok;
}

/* R6, SPEC 3: whether the target offers the group's day only; false when
 * it cannot be proposed (same_as_base on an undated group). */
static bool
plan_date(struct n_plan *pl)
{
    const char *mode = pl->target->date_mode;
    bool dated_group = pl->group->performance != NULL;
    bool follows = strcmp(pl->line->type, "cart") == 0 ||
                   strcmp(pl->line->type, "conditional") == 0;

    pl->same_day = false;
    if (!pl->product.dated)
        return true;
    if (mode[0] == '\0')
        mode = follows && dated_group ? "same_as_base" : "choice";
    if (strcmp(mode, "same_as_base") == 0 && !dated_group)
        return false;
    pl->same_day = strcmp(mode, "same_as_base") == 0;
    return true;
}

/* R10: the target is in the cart (on the group's day when same_day). */
static bool
plan_in_cart(const struct n_walk *w, const struct n_plan *pl)
{
    for (uint32_t i = 0; i < w->n_items; i++) {
        const struct n_item *it = &w->items[i];
        if (strcmp(it->product, pl->target->product) != 0)
            continue;
        if (!pl->same_day || strcmp(it->day, pl->group->day) == 0)
            return true;
    }
    return false;
}

/* R11: the current placement already shows the product on that date. */
static bool
placement_has(const struct n_walk *w, const char *product, const char *day)
{
    for (uint32_t i = w->first; i < w->n_out; i++)
        if (strcmp(w->out[i].product, product) == 0 &&
            strcmp(w->out[i].day, day) == 0)
            return true;
    return false;
}

/* R8: the quantity; false when it cannot be proposed. */
static bool
plan_quantity(struct n_plan *pl)
{
    const struct n_target *t = pl->target;
    int64_t mpo = pl->product.max_per_order;

    if (t->qty_mode[0] == '\0' || strcmp(t->qty_mode, "choice") == 0) {
        pl->min = t->min >= 0 ? t->min : 1;
        pl->max =
            t->max >= 0 ? t->max : (mpo > 0 ? mpo : NAIVE_DEFAULT_CHOICE_MAX);
        if (mpo > 0 && pl->max > mpo)
            pl->max = mpo;
        if (pl->max > NAIVE_MAX_QUANTITY)
            pl->max = NAIVE_MAX_QUANTITY;
        pl->need = pl->min;
        return pl->min >= 1 && pl->min <= pl->max;
    }
    if (strcmp(t->qty_mode, "fixed") == 0) {
        pl->value = t->value >= 0 ? t->value : 1;
    } else {
        int64_t per = t->per > 0 ? t->per : 1;
        pl->value = ((int64_t)pl->group->matched + per - 1) / per;
    }
    pl->need = pl->value;
    return pl->value >= 1 && pl->value <= NAIVE_MAX_QUANTITY &&
           (mpo == 0 || pl->value <= mpo);
}

/* R9: reads the product's price rows that the target allows. */
static void
plan_prices(struct n_walk *w, struct n_plan *pl)
{
    sqlite3_stmt *st = w->nv->prices;

    pl->n_prices = 0;
    bind_text(st, 1, pl->target->product);
    while (sqlite3_step(st) == SQLITE_ROW && pl->n_prices < NAIVE_MAX_PRICES) {
        struct n_price *p = &pl->prices[pl->n_prices];
        column_copy(st, 0, p->seat, sizeof(p->seat));
        column_copy(st, 1, p->audience, sizeof(p->audience));
        if ((p->seat[0] == '\0' || list_holds(pl->target->seats, p->seat)) &&
            (p->audience[0] == '\0' ||
             list_holds(pl->target->audiences, p->audience)))
            pl->n_prices++;
    }
    sqlite3_reset(st);
}

/* R7: what is left for a row of seat category seat ("" when the row names
 * none) at a performance: its own pool, else the shared "*"; -1 when
 * neither. */
static int64_t
pool_left(const struct n_performance *pf, const char *seat)
{
    int64_t shared = -1;

    for (uint32_t i = 0; i < pf->n_pools; i++) {
        if (seat[0] != '\0' && strcmp(pf->pools[i].seat, seat) == 0)
            return pf->pools[i].left;
        if (strcmp(pf->pools[i].seat, "*") == 0)
            shared = pf->pools[i].left;
    }
    return shared;
}

/* R7: the largest pool at pf among the allowed rows. */
static int64_t
performance_available(const struct n_plan *pl, const struct n_performance *pf)
{
    int64_t best = -1;

    for (uint32_t i = 0; i < pl->n_prices; i++) {
        int64_t left = pool_left(pf, pl->prices[i].seat);
        if (left > best)
            best = left;
    }
    return best;
}

/*
 * R6, R7, SPEC 8: the performances offered, earliest first, at most
 * ENC_MAX_PERFORMANCES, into listed; returns how many. The query gives
 * one row per pool, the pools of a performance together.
 */
static uint32_t
performances_list(struct n_walk *w, const struct n_plan *pl,
                  struct n_performance *listed)
{
    sqlite3_stmt *st = pl->same_day ? w->nv->same_day : w->nv->any_day;
    uint32_t n = 0;

    bind_text(st, 1, pl->target->product);
    bind_text(st, 2, pl->same_day ? pl->group->day : NULL);
    sqlite3_bind_int64(st, 3, w->now);
    sqlite3_bind_int64(st, 4, pl->need);
    bool more = sqlite3_step(st) == SQLITE_ROW;
    while (more && n < ENC_MAX_PERFORMANCES) {
        int64_t id = sqlite3_column_int64(st, 0);
        bool open = column_int(st, 1, INT64_MIN) <= w->now &&
                    w->now <= column_int(st, 2, INT64_MAX);
        struct n_performance *pf = &listed[n];
        pf->n_pools = 0;
        while (more && sqlite3_column_int64(st, 0) == id) {
            if (pf->n_pools < NAIVE_MAX_POOLS) {
                column_copy(st, 3, pf->pools[pf->n_pools].seat, NAIVE_CODE);
                pf->pools[pf->n_pools++].left = sqlite3_column_int64(st, 4);
            }
            more = sqlite3_step(st) == SQLITE_ROW;
        }
        if (open && performance_available(pl, pf) >= pl->need)
            n++;
    }
    sqlite3_reset(st);
    return n;
}

/* R9: how many allowed rows hold the needed quantity at one listed
 * performance at least (an undated target: its stock). */
static uint32_t
offers_count(const struct n_plan *pl, const struct n_performance *listed,
             uint32_t n_listed)
{
    uint32_t n = 0;

    for (uint32_t i = 0; i < pl->n_prices; i++) {
        int64_t best = -1;
        if (!pl->product.dated) {
            n += !pl->product.has_stock || pl->product.stock >= pl->need;
            continue;
        }
        for (uint32_t k = 0; k < n_listed; k++) {
            int64_t left = pool_left(&listed[k], pl->prices[i].seat);
            if (left > best)
                best = left;
        }
        n += best >= pl->need;
    }
    return n;
}

/* R5 to R11: whether target t of line l is proposed for group g. */
static bool
target_evaluate(struct n_walk *w, struct n_plan *pl)
{
    struct n_performance listed[ENC_MAX_PERFORMANCES];
    uint32_t n_listed = 0;

    if (strcmp(pl->target->product, pl->line->base) == 0 ||
        !product_read(w, pl))
        return false; /* R10 (never its own target), R5 */
    if (!plan_date(pl) || plan_in_cart(w, pl))
        return false; /* R6, R10 */
    if (placement_has(w, pl->target->product,
                      pl->same_day ? pl->group->day : ""))
        return false; /* R11 */
    if (!plan_quantity(pl))
        return false; /* R8 */
    plan_prices(w, pl);
    if (pl->product.dated) {
        n_listed = performances_list(w, pl, listed);
        if (n_listed == 0)
            return false; /* R6, R7 */
    }
    return offers_count(pl, listed, n_listed) > 0; /* R9 */
}

/* ---- R14: the walk ---- */

/* SPEC 2: the placement of a line type of the cart stage. */
static int
line_place(const struct n_line *l)
{
    return strcmp(l->type, "favorite") == 0 ? PLACE_SIDEBAR : PLACE_UNDER_CART;
}

/* Proposes line l's targets for each group that applies, in group then
 * target order, until the placement holds limit proposals. */
static void
line_propose(struct n_walk *w, struct n_line *l, unsigned limit)
{
    struct n_group groups[ENC_MAX_CART];
    uint32_t n = groups_collect(w, l, groups);

    for (uint32_t g = 0; g < n; g++) {
        if (!group_applies(l, &groups[g]))
            continue;
        line_targets(w, l);
        for (uint32_t t = 0; t < l->n_targets; t++) {
            struct n_plan pl = {.line = l,
                                .target = &w->targets[l->target_first + t],
                                .group = &groups[g]};
            if (w->n_out - w->first >= limit || w->n_out == NAIVE_MAX_OUT)
                return;
            if (!target_evaluate(w, &pl))
                continue;
            w->out[w->n_out++] = (struct n_proposal){
                l->id, pl.target->product, pl.same_day ? groups[g].day : ""};
        }
    }
}

/* Fills w's items from req, the codes it names. */
static void
walk_items(struct n_walk *w, const struct enc_catalogue *cat,
           const struct enc_request *req, struct n_item *items)
{
    for (uint32_t i = 0; i < req->n_cart; i++) {
        const struct enc_item *it = &req->cart[i];
        items[i].product = cat->products[it->product].code;
        items[i].performance = it->performance >= 0
                                   ? cat->performances[it->performance].code
                                   : NULL;
        items[i].seat = it->seat_category >= 0
                            ? cat->seat_categories[it->seat_category].code
                            : NULL;
        items[i].quantity = it->quantity;
    }
    w->items = items;
    w->n_items = req->n_cart;
}

/* Writes the pairs "L P;" of w's proposals into buf. */
static void
walk_pairs(const struct n_walk *w, char *buf, size_t size)
{
    size_t used = 0;

    buf[0] = '\0';
    for (uint32_t i = 0; i < w->n_out && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%s %s;", w->out[i].line,
                         w->out[i].product);
        used += n > 0 ? (size_t)n : 0;
    }
}

unsigned
naive_evaluate(struct naive *nv, const struct enc_catalogue *cat,
               const struct enc_request *req, char *pairs, size_t size)
{
    struct n_walk *w = nv->walk;
    struct n_item items[ENC_MAX_CART];

    w->nv = nv;
    w->channel = cat->channels[req->channel].code;
    w->now = req->now.utc;
    w->n_out = 0;
    w->n_targets = 0;
    walk_items(w, cat, req, items);
    if (req->stage == STAGE_CART && walk_profile(w)) {
        walk_days(w);
        walk_lines(w);
        for (int pl = 0; pl < PLACE_COUNT; pl++) {
            w->first = w->n_out;
            for (uint32_t k = 0; k < w->n_lines; k++)
                if (line_place(&w->lines[k]) == pl &&
                    w->n_out - w->first < w->limits[pl])
                    line_propose(w, &w->lines[k], w->limits[pl]);
        }
    }
    if (pairs != NULL)
        walk_pairs(w, pairs, size);
    return w->n_out;
}
