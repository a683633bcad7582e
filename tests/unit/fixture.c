/*
 * fixture.c - the catalogue builder of the unit tests (see fixture.h).
 */
#include "fixture.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A test's own mistake: say where and stop the program. */
static void
fx_die(const char *what)
{
    fprintf(stderr, "fixture: %s\n", what);
    abort();
}

/* Arena memory of the catalogue; aborts when out of memory. */
static void *
fx_alloc(struct fx *fx, size_t size)
{
    void *p = arena_alloc(&fx->cat->arena, size);

    if (p == NULL)
        fx_die("out of memory");
    return p;
}

static const char *
fx_strdup(struct fx *fx, const char *s)
{
    char *p = arena_strdup(&fx->cat->arena, s);

    if (p == NULL)
        fx_die("out of memory");
    return p;
}

/* Checks that one more record fits in an array holding n. */
static void
fx_room(uint32_t n, uint32_t max, const char *what)
{
    if (n >= max)
        fx_die(what);
}

struct fx *
fx_new(void)
{
    struct fx *fx = calloc(1, sizeof(*fx));
    struct enc_catalogue *cat;
    const char **langs;

    if (fx == NULL || (fx->cat = catalogue_new()) == NULL)
        fx_die("out of memory");
    cat = fx->cat;
    arena_init(&fx->scratch, 0);
    cat->institution.code = "HALL";
    cat->institution.timezone = "Europe/Paris";
    cat->institution.currency = "EUR";
    langs = fx_alloc(fx, 2 * sizeof(*langs));
    langs[0] = "fr";
    langs[1] = "en";
    cat->institution.languages = langs;
    cat->institution.n_languages = 2;
    cat->channels = fx_alloc(fx, FX_MAX_RECORDS * sizeof(*cat->channels));
    cat->seat_categories =
        fx_alloc(fx, FX_MAX_RECORDS * sizeof(*cat->seat_categories));
    cat->audiences = fx_alloc(fx, FX_MAX_RECORDS * sizeof(*cat->audiences));
    cat->products = fx_alloc(fx, FX_MAX_RECORDS * sizeof(*cat->products));
    cat->performances =
        fx_alloc(fx, FX_MAX_PERFORMANCES * sizeof(*cat->performances));
    cat->profiles = fx_alloc(fx, FX_MAX_RECORDS * sizeof(*cat->profiles));
    return fx;
}

void
fx_free(struct fx *fx)
{
    if (fx == NULL)
        return;
    arena_cleanup(&fx->scratch);
    catalogue_free(fx->cat);
    free(fx);
}

struct enc_time
fx_time(const char *s)
{
    struct enc_time t;

    if (!time_parse_rfc3339(s, strlen(s), &t))
        fx_die(s);
    return t;
}

struct enc_bound
fx_bound(const char *s)
{
    struct enc_bound b = {.set = true, .at = fx_time(s)};

    return b;
}

struct enc_bound
fx_bound_day(const char *date, int32_t offset, bool end)
{
    struct enc_bound b = {.set = true, .date_only = true};

    if (!time_parse_date(date, strlen(date), &b.day))
        fx_die(date);
    b.at.offset = offset;
    b.at.utc = (b.day + (end ? 1 : 0)) * 86400 - offset - (end ? 1 : 0);
    return b;
}

int32_t *
fx_list(struct fx *fx, uint32_t n, ...)
{
    int32_t *list = fx_alloc(fx, (n + 1) * sizeof(*list));
    va_list ap;

    va_start(ap, n);
    for (uint32_t i = 0; i < n; i++)
        list[i] = va_arg(ap, int32_t);
    va_end(ap);
    return list;
}

void
fx_text(struct fx *fx, struct enc_text *text, uint32_t n, ...)
{
    va_list ap;

    text->n = n;
    text->plain = false;
    text->items = fx_alloc(fx, (n + 1) * sizeof(*text->items));
    va_start(ap, n);
    for (uint32_t i = 0; i < n; i++) {
        text->items[i].lang = fx_strdup(fx, va_arg(ap, const char *));
        text->items[i].value = fx_strdup(fx, va_arg(ap, const char *));
    }
    va_end(ap);
}

/* A name written as a bare string: one item in the first language. */
static void
fx_plain_name(struct fx *fx, struct enc_text *text, const char *value)
{
    fx_text(fx, text, 1, "fr", value);
    text->plain = true;
}

int32_t
fx_channel(struct fx *fx, const char *code, enum enc_channel_type type)
{
    struct enc_catalogue *cat = fx->cat;
    struct enc_channel *c;

    fx_room(cat->n_channels, FX_MAX_RECORDS, "too many channels");
    c = &cat->channels[cat->n_channels];
    c->code = fx_strdup(fx, code);
    c->type = type;
    fx_plain_name(fx, &c->name, code);
    return (int32_t)cat->n_channels++;
}

int32_t
fx_seat_category(struct fx *fx, const char *code)
{
    struct enc_catalogue *cat = fx->cat;
    struct enc_seat_category *s;

    fx_room(cat->n_seat_categories, FX_MAX_RECORDS, "too many categories");
    s = &cat->seat_categories[cat->n_seat_categories];
    s->code = fx_strdup(fx, code);
    fx_plain_name(fx, &s->name, code);
    return (int32_t)cat->n_seat_categories++;
}

int32_t
fx_audience(struct fx *fx, const char *code)
{
    struct enc_catalogue *cat = fx->cat;
    struct enc_named *a;

    fx_room(cat->n_audiences, FX_MAX_RECORDS, "too many audiences");
    a = &cat->audiences[cat->n_audiences];
    a->code = fx_strdup(fx, code);
    a->parent = ENC_NONE;
    fx_plain_name(fx, &a->name, code);
    return (int32_t)cat->n_audiences++;
}

int32_t
fx_product(struct fx *fx, const char *code, enum enc_kind kind)
{
    struct enc_catalogue *cat = fx->cat;
    struct enc_product *p;

    fx_room(cat->n_products, FX_MAX_RECORDS, "too many products");
    p = &cat->products[cat->n_products];
    p->code = fx_strdup(fx, code);
    p->kind = kind;
    p->activity = ENC_NONE;
    fx_plain_name(fx, &p->name, code);
    p->prices = fx_alloc(fx, FX_MAX_CHILDREN * sizeof(*p->prices));
    p->components = fx_alloc(fx, FX_MAX_CHILDREN * sizeof(*p->components));
    p->perf_first = cat->n_performances;
    return (int32_t)cat->n_products++;
}

struct enc_product *
fx_prod(struct fx *fx, int32_t product)
{
    if (product < 0 || (uint32_t)product >= fx->cat->n_products)
        fx_die("no such product");
    return &fx->cat->products[product];
}

void
fx_price(struct fx *fx, int32_t product, int32_t sc, int32_t aud,
         int64_t amount)
{
    struct enc_product *p = fx_prod(fx, product);
    struct enc_price *row;

    fx_room(p->n_prices, FX_MAX_CHILDREN, "too many prices");
    row = &p->prices[p->n_prices++];
    row->seat_category = sc;
    row->audience = aud;
    row->amount = amount;
}

void
fx_component(struct fx *fx, int32_t package, int32_t product, uint32_t quantity)
{
    struct enc_product *p = fx_prod(fx, package);

    fx_room(p->n_components, FX_MAX_CHILDREN, "too many components");
    p->components[p->n_components].product = product;
    p->components[p->n_components].quantity = quantity;
    p->n_components++;
}

int32_t
fx_performance(struct fx *fx, int32_t product, const char *code,
               const char *start)
{
    struct enc_catalogue *cat = fx->cat;
    struct enc_product *p = fx_prod(fx, product);
    struct enc_performance *pf;

    fx_room(cat->n_performances, FX_MAX_PERFORMANCES, "too many perfs");
    if (p->n_performances == 0)
        p->perf_first = cat->n_performances;
    if (p->perf_first + p->n_performances != cat->n_performances)
        fx_die("add a product's performances one after the other");
    pf = &cat->performances[cat->n_performances];
    pf->code = fx_strdup(fx, code);
    pf->product = product;
    pf->start = fx_time(start);
    pf->pools = fx_alloc(fx, FX_MAX_CHILDREN * sizeof(*pf->pools));
    p->n_performances++;
    return (int32_t)cat->n_performances++;
}

struct enc_performance *
fx_perf(struct fx *fx, int32_t performance)
{
    if (performance < 0 || (uint32_t)performance >= fx->cat->n_performances)
        fx_die("no such performance");
    return &fx->cat->performances[performance];
}

void
fx_pool(struct fx *fx, int32_t performance, int32_t sc, int64_t left)
{
    struct enc_performance *pf = fx_perf(fx, performance);

    fx_room(pf->n_pools, FX_MAX_CHILDREN, "too many pools");
    pf->pools[pf->n_pools].seat_category = sc;
    pf->pools[pf->n_pools].left = left;
    pf->n_pools++;
}

int32_t
fx_profile(struct fx *fx, const char *code, enum enc_profile_status status,
           int32_t channel)
{
    struct enc_catalogue *cat = fx->cat;
    struct enc_profile *p;

    fx_room(cat->n_profiles, FX_MAX_RECORDS, "too many profiles");
    p = &cat->profiles[cat->n_profiles];
    p->code = fx_strdup(fx, code);
    p->status = status;
    fx_plain_name(fx, &p->name, code);
    p->channels = fx_alloc(fx, FX_MAX_CHILDREN * sizeof(*p->channels));
    p->lines = fx_alloc(fx, FX_MAX_CHILDREN * sizeof(*p->lines));
    if (channel != ENC_NONE)
        p->channels[p->n_channels++] = channel;
    return (int32_t)cat->n_profiles++;
}

/* The profile record of index profile; aborts on a bad one. */
static struct enc_profile *
fx_prof(struct fx *fx, int32_t profile)
{
    if (profile < 0 || (uint32_t)profile >= fx->cat->n_profiles)
        fx_die("no such profile");
    return &fx->cat->profiles[profile];
}

void
fx_profile_channel(struct fx *fx, int32_t profile, int32_t channel)
{
    struct enc_profile *p = fx_prof(fx, profile);

    fx_room(p->n_channels, FX_MAX_CHILDREN, "too many channels");
    p->channels[p->n_channels++] = channel;
}

void
fx_limit(struct fx *fx, int32_t profile, enum enc_placement pl, uint32_t limit)
{
    struct enc_profile *p = fx_prof(fx, profile);

    p->has_limit[pl] = true;
    p->limit[pl] = limit;
}

int32_t
fx_line(struct fx *fx, int32_t profile, const char *id, enum enc_line_type type,
        int32_t base)
{
    struct enc_profile *p = fx_prof(fx, profile);
    struct enc_line *l;

    fx_room(p->n_lines, FX_MAX_CHILDREN, "too many lines");
    l = &p->lines[p->n_lines];
    l->id = fx_strdup(fx, id);
    l->type = type;
    l->base = base;
    l->targets = fx_alloc(fx, FX_MAX_CHILDREN * sizeof(*l->targets));
    return (int32_t)p->n_lines++;
}

struct enc_line *
fx_ln(struct fx *fx, int32_t profile, int32_t line)
{
    struct enc_profile *p = fx_prof(fx, profile);

    if (line < 0 || (uint32_t)line >= p->n_lines)
        fx_die("no such line");
    return &p->lines[line];
}

struct enc_target *
fx_target(struct fx *fx, int32_t profile, int32_t line, int32_t product)
{
    struct enc_line *l = fx_ln(fx, profile, line);
    struct enc_target *t;

    fx_room(l->n_targets, FX_MAX_CHILDREN, "too many targets");
    t = &l->targets[l->n_targets++];
    t->product = product;
    return t;
}

void
fx_choice(struct enc_target *t, uint32_t min, uint32_t max)
{
    t->quantity.mode = QTY_CHOICE;
    t->quantity.has_min = min > 0;
    t->quantity.min = min;
    t->quantity.has_max = max > 0;
    t->quantity.max = max;
}

void
fx_fixed(struct enc_target *t, uint32_t value)
{
    t->quantity.mode = QTY_FIXED;
    t->quantity.has_value = true;
    t->quantity.value = value;
}

void
fx_proportional(struct enc_target *t, uint32_t per)
{
    t->quantity.mode = QTY_PROPORTIONAL;
    t->quantity.has_per = per > 0;
    t->quantity.per = per;
}

struct enc_catalogue *
fx_index(struct fx *fx)
{
    if (!catalogue_index(fx->cat))
        fx_die("catalogue_index failed");
    return fx->cat;
}

/* ---- Requests ---- */

void
fx_request(struct fx_request *r, int32_t channel, enum enc_stage stage,
           const char *now)
{
    memset(r, 0, sizeof(*r));
    r->req.channel = channel;
    r->req.stage = stage;
    r->req.now = fx_time(now);
    r->req.cart = r->items;
}

void
fx_item(struct fx_request *r, int32_t product, int32_t perf, int32_t sc,
        int32_t aud, uint32_t quantity)
{
    struct enc_item it = {product, perf, sc, aud, quantity};

    fx_room(r->req.n_cart, FX_MAX_ITEMS, "too many cart items");
    r->items[r->req.n_cart++] = it;
    r->req.cart = r->items;
}

void
fx_focus(struct fx_request *r, int32_t product, int32_t perf, int32_t sc,
         int32_t aud, uint32_t quantity)
{
    struct enc_item it = {product, perf, sc, aud, quantity};

    r->req.has_focus = true;
    r->req.focus = it;
}

const struct enc_answer *
fx_propose(struct fx *fx, const struct fx_request *r)
{
    static struct enc_answer answer;
    struct enc_error err;
    struct enc_request req = r->req;

    req.cart = r->items;
    arena_cleanup(&fx->scratch);
    if (enc_propose(fx->cat, &req, &fx->scratch, &answer, &err) != ENC_OK)
        fx_die("enc_propose failed");
    return &answer;
}

/* ---- Describing ---- */

/* Appends printf-style text at *n in buf; stops quietly when full. */
__attribute__((format(printf, 4, 5))) static void
fx_cat(char *buf, size_t size, size_t *n, const char *fmt, ...)
{
    va_list ap;
    int w;

    if (*n >= size)
        return;
    va_start(ap, fmt);
    w = vsnprintf(buf + *n, size - *n, fmt, ap);
    va_end(ap);
    if (w > 0)
        *n += (size_t)w < size - *n ? (size_t)w : size - *n - 1;
}

/* The code of record i of an array of records, or "-" for -1. */
#define FX_CODE(arr, i) ((i) >= 0 ? (arr)[i].code : "-")

/* Writes an availability: a count, or "inf" for unlimited (-1). */
static void
fx_cat_avail(char *buf, size_t size, size_t *n, int64_t avail)
{
    if (avail < 0)
        fx_cat(buf, size, n, "inf");
    else
        fx_cat(buf, size, n, "%lld", (long long)avail);
}

/* One proposal of the answer, on one line without its newline. */
static void
fx_describe_one(const struct enc_catalogue *cat, const struct enc_answer *a,
                const struct enc_proposal *p, char *buf, size_t size, size_t *n)
{
    const struct enc_product *pr = &cat->products[p->product];

    fx_cat(buf, size, n, "%s %s %s@%s -> %s ", placement_name(p->placement),
           cat->profiles[a->profile].lines[p->line].id,
           FX_CODE(cat->products, p->base_product),
           FX_CODE(cat->performances, p->base_performance), pr->code);
    if (p->quantity_mode == QTY_CHOICE)
        fx_cat(buf, size, n, "choice %u-%u", p->min, p->max);
    else
        fx_cat(buf, size, n, "fixed %u", p->value);
    fx_cat(buf, size, n, " perfs=");
    for (uint32_t k = 0; k < p->n_performances; k++) {
        fx_cat(buf, size, n, "%s%s:", k ? "," : "",
               cat->performances[p->performances[k].performance].code);
        fx_cat_avail(buf, size, n, p->performances[k].available);
    }
    fx_cat(buf, size, n, " offers=");
    for (uint32_t k = 0; k < p->n_offers; k++) {
        const struct enc_price *row = &pr->prices[p->offers[k].price];
        fx_cat(buf, size, n, "%s%s/%s/%lld:", k ? "," : "",
               FX_CODE(cat->seat_categories, row->seat_category),
               FX_CODE(cat->audiences, row->audience), (long long)row->amount);
        fx_cat_avail(buf, size, n, p->offers[k].available);
    }
    if (p->has_price_difference)
        fx_cat(buf, size, n, " diff=%lld", (long long)p->price_difference);
}

const char *
fx_describe(const struct enc_catalogue *cat, const struct enc_answer *a,
            char *buf, size_t size)
{
    size_t n = 0;

    buf[0] = '\0';
    for (uint32_t i = 0; i < a->n_proposals; i++) {
        if (i > 0)
            fx_cat(buf, size, &n, "\n");
        fx_describe_one(cat, a, &a->proposals[i], buf, size, &n);
    }
    return buf;
}

const char *
fx_answer(struct fx *fx, const struct fx_request *r)
{
    static char buf[16384];

    return fx_describe(fx->cat, fx_propose(fx, r), buf, sizeof(buf));
}

const char *
fx_describe_findings(const struct enc_catalogue *cat,
                     const struct enc_findings *f, char *buf, size_t size)
{
    size_t n = 0;

    buf[0] = '\0';
    for (uint32_t i = 0; i < f->n; i++) {
        const struct enc_finding *it = &f->items[i];
        const struct enc_profile *p = &cat->profiles[it->profile];
        fx_cat(buf, size, &n, "%s%s%s%s: %s: %s", i ? "\n" : "", p->code,
               it->line >= 0 ? "/" : "",
               it->line >= 0 ? p->lines[it->line].id : "",
               it->severity == SEVERITY_ERROR ? "error" : "warning",
               it->message);
    }
    return buf;
}
