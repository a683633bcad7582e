/*
 * model.h - the catalogue and its profiles (SPEC sections 1, 3 and 7).
 *
 * A catalogue is immutable once catalogue_index() has run: it is the
 * snapshot every proposal reads. All its memory lives in its own arena.
 * References between records are indexes into the catalogue's arrays
 * (codes interned to dense integers); -1 means "none". Arrays keep the
 * order of the document they came from, so an export gives it back.
 */
#ifndef ENCORE_CORE_MODEL_H
#define ENCORE_CORE_MODEL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "timeutil.h"

#define ENC_NONE (-1)

struct enc_avail;

enum enc_channel_type {
    CHANNEL_INTERNET,
    CHANNEL_BOX_OFFICE,
    CHANNEL_CALL_CENTER,
    CHANNEL_PARTNER,
    CHANNEL_KIOSK,
};

enum enc_kind {
    KIND_EVENT,
    KIND_PASS_DATED,
    KIND_PASS_TIMED,
    KIND_PASS_OPEN,
    KIND_SUBSCRIPTION,
    KIND_SERVICE,
    KIND_MERCHANDISE,
    KIND_PACKAGE,
};

enum enc_line_type {
    LINE_UPSELL,
    LINE_CART,
    LINE_CONDITIONAL,
    LINE_FAVORITE,
    LINE_POST_PURCHASE,
};

/* The order of this enum is the order of R14. */
enum enc_placement {
    PLACEMENT_INSTEAD,
    PLACEMENT_UNDER_CART,
    PLACEMENT_SIDEBAR,
    PLACEMENT_CONFIRMATION,
    PLACEMENT_COUNT,
};

enum enc_stage {
    STAGE_PRODUCT,
    STAGE_CART,
    STAGE_CONFIRMATION,
};

/* QTY_DEFAULT: the target said nothing; the defaults of SPEC 3 apply. */
enum enc_qty_mode {
    QTY_DEFAULT,
    QTY_PROPORTIONAL,
    QTY_FIXED,
    QTY_CHOICE,
};

enum enc_date_mode {
    DATE_DEFAULT,
    DATE_SAME_AS_BASE,
    DATE_CHOICE,
};

enum enc_profile_status {
    PROFILE_DRAFT,
    PROFILE_ACTIVE,
};

/*
 * A name or a text, per language. plain: it was written as a bare string
 * (then n == 1 and items[0].lang is the institution's first language), so
 * an export writes it back the same way. n == 0: absent.
 */
struct enc_text_item {
    const char *lang;
    const char *value;
};

struct enc_text {
    uint32_t n;
    bool plain;
    struct enc_text_item *items;
};

/*
 * A bound of a validity or sale window. Written either as an RFC 3339
 * instant or as a date alone (date_only, day = the local date). For a date
 * alone, at is resolved in the institution's time zone: the first second of
 * that day for a start, the last second for an end (R2), so rules only
 * compare instants.
 */
struct enc_bound {
    bool set;
    bool date_only;
    int64_t day;
    struct enc_time at;
};

struct enc_window {
    struct enc_bound from;
    struct enc_bound to;
};

struct enc_institution {
    const char *code;
    struct enc_text name;
    const char *timezone; /* IANA name, checked against tzdata */
    const char *currency;
    uint32_t n_languages; /* at least 1 */
    const char **languages;
};

struct enc_channel {
    const char *code;
    struct enc_text name;
    enum enc_channel_type type;
};

struct enc_seat_category {
    const char *code;
    struct enc_text name;
    bool has_rank;
    int64_t rank;
};

/* Audiences, activities and themes share this shape. */
struct enc_named {
    const char *code;
    struct enc_text name;
    int32_t parent; /* themes only: index of the parent theme, or -1 */
};

/* seat_category -1 is the shared pool "*" (R7). */
struct enc_pool {
    int32_t seat_category;
    int64_t left;
};

struct enc_performance {
    const char *code;
    int32_t product;
    struct enc_time start;
    bool has_end;
    struct enc_time end;
    const char *venue; /* NULL when absent */
    bool has_sale;
    struct enc_window sale;
    uint32_t n_pools;
    struct enc_pool *pools;
    int64_t local_day;   /* derived: time_local_day(start) */
    uint32_t pool_first; /* derived: avail id of pools[0] (avail.h) */
};

/*
 * A product's performance as the rules read it (R6, R7), compiled by
 * catalogue_index() into one array per product in start order, so a
 * request walks contiguous memory instead of the performances.
 */
struct enc_perf_slot {
    int64_t utc;       /* its start */
    int64_t local_day; /* R6: the local date of its start */
    uint32_t perf;     /* index into catalogue.performances */
    bool has_sale;     /* it has its own sale window (R6) */
};

/* seat_category and audience are -1 when the row does not name them. */
struct enc_price {
    int32_t seat_category;
    int32_t audience;
    int64_t amount;
};

struct enc_component {
    int32_t product;
    uint32_t quantity;
};

struct enc_product {
    const char *code;
    enum enc_kind kind;
    struct enc_text name;
    struct enc_text description;
    int32_t activity; /* -1 when absent */
    uint32_t n_themes;
    int32_t *themes;
    const char *cycle;   /* NULL when absent */
    const char *season;  /* NULL when absent */
    const char *venue;   /* NULL when absent */
    uint32_t n_channels; /* 0: sold on every channel */
    int32_t *channels;
    bool has_sale;
    struct enc_window sale;
    bool has_status; /* status written in the document */
    bool archived;
    bool has_stock; /* undated products; absent = unlimited */
    int64_t stock;
    uint32_t max_per_order; /* 0 when absent */
    uint32_t n_prices;
    struct enc_price *prices;
    uint32_t n_components; /* packages */
    struct enc_component *components;
    /* Its performances: catalogue.performances[perf_first ..
     * perf_first + n_performances), in document order. */
    uint32_t perf_first;
    uint32_t n_performances;

    /* Derived by catalogue_index(). */
    uint32_t *perf_by_start; /* n_performances catalogue indexes, by start */
    uint32_t n_contents;     /* packages: every product inside, transitively */
    int32_t *contents;
    int32_t stock_pool; /* avail id of its stock, -1: none (avail.h) */
    /* Row keys: the distinct seat categories its price rows name (-1
     * for rows naming none). Rows of one key draw on the same pool at a
     * performance (R7), so pools are looked up per key, not per row. */
    uint32_t n_keys;
    int32_t *key_seat_category; /* n_keys */
    uint16_t *row_key;          /* n_prices: the key of each row */
    /* Its performances in start order (perf_by_start), and at each the
     * pool id (avail.h) each key draws on: slot_pools[slot * n_keys +
     * key], -1 when there is none (R7). */
    struct enc_perf_slot *slots;
    int32_t *slot_pools;
    /* R13: its name in each language of the institution: the index of
     * the item catalogue_text() picks, -1 when none. */
    int16_t *name_by_lang;
};

/*
 * A target's quantity as written. mode QTY_DEFAULT: nothing written. The
 * has_ flags record which numbers were written, so defaults (per = 1,
 * min = 1, max = max_per_order or 10) are applied by the rules and the
 * export writes back only what was given.
 */
struct enc_quantity {
    enum enc_qty_mode mode;
    bool has_per, has_value, has_min, has_max;
    uint32_t per;
    uint32_t value;
    uint32_t min;
    uint32_t max;
};

struct enc_target {
    int32_t product;
    struct enc_quantity quantity;
    enum enc_date_mode date;
    uint32_t n_seat_categories; /* 0: any */
    int32_t *seat_categories;
    uint32_t n_audiences; /* 0: any */
    int32_t *audiences;
};

struct enc_when {
    bool present;
    bool has_min_quantity;
    uint32_t min_quantity;
    uint32_t n_performances; /* 0: any */
    int32_t *performances;
    uint32_t n_seat_categories; /* 0: any */
    int32_t *seat_categories;
};

struct enc_line {
    const char *id;
    enum enc_line_type type;
    int32_t base;
    uint32_t n_targets;
    struct enc_target *targets;
    struct enc_when when;
    struct enc_bound valid_from;
    struct enc_bound valid_to;
    struct enc_text text;
};

/*
 * The lines a product is the base of (R3, R4), for every profile: one run
 * per product, sorted by profile, stage, then line, so the lines of one
 * profile and stage are a contiguous run in profile order. A request
 * looks up the products its items hold and never scans a profile. A line
 * whose base is a set of products (an activity, a cycle: DESIGN "What
 * the index must allow") is listed under each product it covers,
 * expanded when the index is built; the request side stays the same.
 */
struct enc_base_line {
    uint32_t key;  /* BASE_LINE_KEY(profile, stage) */
    uint32_t line; /* index into that profile's lines */
};
#define BASE_LINE_KEY(profile, stage) (((uint32_t)(profile) << 2) | (stage))

struct enc_profile {
    const char *code;
    struct enc_text name;
    enum enc_profile_status status;
    uint32_t n_channels;
    int32_t *channels;
    bool has_limit[PLACEMENT_COUNT];
    uint32_t limit[PLACEMENT_COUNT];
    uint32_t n_lines;
    struct enc_line *lines;
    /* Derived: R13, the text of each line in each language of the
     * institution (the item's index, -1 none), n_lines * n_languages. */
    int16_t *text_by_lang;
};

enum enc_code_kind {
    CODE_CHANNEL,
    CODE_SEAT_CATEGORY,
    CODE_AUDIENCE,
    CODE_ACTIVITY,
    CODE_THEME,
    CODE_PRODUCT,
    CODE_PERFORMANCE,
    CODE_PROFILE,
    CODE_KIND_COUNT,
};

/*
 * A code map slot: the record's index and, when it is short enough, the
 * code itself, so a lookup usually reads one cache line and never the
 * record (a request looks up about four codes per cart item).
 */
#define ENC_SLOT_CODE 26
struct enc_code_slot {
    int32_t index; /* record index, or -1: empty */
    uint8_t len;   /* the code's length, or 0xff: longer than code[] */
    uint8_t unused;
    char code[ENC_SLOT_CODE];
};

/* A name as a proposal shows it (enc_catalogue.product_names). */
struct enc_name_pick {
    const char *value;
    int32_t item;
};

struct enc_codemap {
    uint32_t mask;               /* slots - 1; slots is a power of two */
    struct enc_code_slot *slots; /* aligned on their size */
};

struct enc_catalogue {
    struct arena arena; /* owns everything below */
    struct enc_institution institution;
    uint32_t n_channels;
    struct enc_channel *channels;
    uint32_t n_seat_categories;
    struct enc_seat_category *seat_categories;
    uint32_t n_audiences;
    struct enc_named *audiences;
    uint32_t n_activities;
    struct enc_named *activities;
    uint32_t n_themes;
    struct enc_named *themes;
    uint32_t n_products;
    struct enc_product *products;
    uint32_t n_performances;
    struct enc_performance *performances;
    uint32_t n_profiles;
    struct enc_profile *profiles;

    /* Derived by catalogue_index(). */
    struct enc_codemap codes[CODE_KIND_COUNT];
    int32_t *channel_profile; /* per channel: its active profile or -1 */
    uint32_t n_pools;         /* pools with an avail id (avail.h) */
    uint32_t *base_first;     /* n_products + 1: runs of base_lines */
    struct enc_base_line *base_lines;
    int64_t *pool_left;  /* per pool id: the catalogue's own value */
    uint32_t max_keys;   /* the most row keys of one product */
    uint32_t max_prices; /* the most price rows of one product */
    /* The codec's answer fragments, living in its arena; opaque here
     * (codec/fragments.h). NULL: none (yet). They may be added once the
     * catalogue is shared, hence atomic: a reader sees none or all. */
    _Atomic(const void *) encoded;

    /*
     * Sharing (catalogue_overlay()). holders counts who holds the
     * catalogue, from 1 at birth; catalogue_free() drops one and frees it
     * at none. An overlay holds its records owner, with which it shares
     * every record but profiles; it decodes the profiles it changes into
     * its block, and borrows the others: profile_block[p] is the block
     * that holds profile p (NULL: the records owner's arena). It holds
     * each block it lists once, in held[] (its own first).
     */
    _Atomic uint32_t holders;
    /* The live counters (avail.h) of the snapshot that serves it, which
     * the checks of SPEC 6 read what is left from (NULL: the records'
     * own values). Set before it is shared, cleared when they go. */
    const struct enc_avail *live;
    struct enc_catalogue *records_owner; /* NULL: its records are its own */
    struct enc_profile_block *block;
    struct enc_profile_block **profile_block; /* NULL, or one per profile */
    uint32_t n_held;
    struct enc_profile_block **held;

    /*
     * Derived by catalogue_index() from the records alone, for the
     * engine's first look at a cart's items (propose.c): dense copies of
     * fields of the large records, so that a request's items cost few
     * cache lines and pages. Not copied into an overlay: it reads its
     * records owner's (catalogue_records_owner()).
     */
    uint32_t *product_contents; /* per product: its n_contents */
    /* per performance: its local_day (NULL when one does not fit,
     * which the parser's years 0000 to 9999 never cause) */
    int32_t *performance_day;
    /* R13: per product p and language l of the institution, at
     * p * n_languages + l, the name a proposal shows (name_by_lang's
     * item, -1 none, and its value, the code when none). */
    struct enc_name_pick *product_names;
};

/*
 * Profiles decoded together into an overlay, with everything they point
 * to (lines, targets, texts): held by each catalogue that lists one of
 * them, apart from the rest of that overlay (its indexes, its answer
 * fragments), so a profile kept across many edits keeps only itself
 * alive.
 */
struct enc_profile_block {
    struct arena arena;
    _Atomic uint32_t holders;
};

/* Where an overlay's profile comes from: profile index of catalogue
 * from (the overlay itself for a profile decoded into it). */
struct enc_profile_source {
    const struct enc_catalogue *from;
    uint32_t index;
};

/* At most this many blocks held by one overlay (about one per profile
 * edited since the last whole load): past it, a reload is whole. */
#define CATALOGUE_MAX_HELD 256

/* Allocates an empty catalogue with its arena; NULL when out of memory. */
struct enc_catalogue *catalogue_new(void);

/* Drops one holder of the catalogue; at none, frees it and everything
 * it owns, and drops its holds on others. NULL is allowed. */
void catalogue_free(struct enc_catalogue *cat);

/*
 * A new catalogue that shares every record of base (indexed) but its
 * profiles, and has none yet: a profile edit decodes the profiles it
 * changed into it (codec_profiles_decode()) and keeps the others with
 * catalogue_profiles_assemble(). Holds base's records owner until freed.
 * NULL when out of memory.
 */
struct enc_catalogue *catalogue_overlay(struct enc_catalogue *base);

/* The catalogue whose arena holds cat's records other than profiles. */
const struct enc_catalogue *
catalogue_records_owner(const struct enc_catalogue *cat);

/* Where the profiles decoded into cat are allocated: its block for an
 * overlay, else its own arena. */
struct arena *catalogue_profiles_arena(struct enc_catalogue *cat);

/*
 * Sets the n profiles of overlay cat, in order, from sources[]: its own
 * decoded profiles (from == cat) or another catalogue's that shares its
 * records, whose block it then holds. Indexes what depends on profiles
 * (their codes, each channel's active profile, the lines by base product,
 * the texts by language). False when out of memory or when it would hold
 * more than CATALOGUE_MAX_HELD blocks; cat is then to be freed.
 */
bool catalogue_profiles_assemble(struct enc_catalogue *cat,
                                 const struct enc_profile_source *sources,
                                 uint32_t n);

/*
 * Builds the derived fields once every record is in place: code maps,
 * performances by start, local dates, package contents (transitive), the
 * active profile of each channel, the pool ids of avail.h, the row keys
 * and each profile's lines by stage and base. Returns false
 * when out of memory or when a package contains itself (the codec checks that
 * first, with the field's path). When two active profiles name one channel the
 * first wins here; check.c reports it as an error.
 */
bool catalogue_index(struct enc_catalogue *cat);

/* How many records of a kind the catalogue has, and the code of record i
 * of that kind (i below the count; NULL for CODE_KIND_COUNT). */
uint32_t catalogue_count(const struct enc_catalogue *cat,
                         enum enc_code_kind kind);
const char *catalogue_code(const struct enc_catalogue *cat,
                           enum enc_code_kind kind, uint32_t i);

/* The hash of every map of codes (FNV-1a over the len bytes of s): the
 * catalogue's, and the decoder's (codec/codes.c). Inline: a request
 * hashes about four codes per cart item. */
static inline uint32_t
catalogue_code_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;

    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* The index of the record of that kind with that code, or -1. */
int32_t catalogue_lookup(const struct enc_catalogue *cat,
                         enum enc_code_kind kind, const char *code, size_t len);

/* R13: the text in lang (NULL = the institution's first), else in lang's
 * primary subtag ("en" for "en-US"), else in the first language, else in
 * any it has; NULL when none (empty = missing). Tags compare in any case. */
const char *catalogue_text(const struct enc_catalogue *cat,
                           const struct enc_text *text, const char *lang);

/* R3: the stage at which a line of this type is used. */
enum enc_stage line_type_stage(enum enc_line_type t);

/* SPEC 2: where the proposals of a line of this type show. */
enum enc_placement line_type_placement(enum enc_line_type t);

/* R13: the index of lang among the institution's languages, in any case
 * (NULL: the first, 0); -1 when it is not one of them. */
int32_t catalogue_lang_index(const struct enc_catalogue *cat, const char *lang);

/* The index in text's items of catalogue_text()'s pick, or -1. */
int32_t catalogue_text_item(const struct enc_catalogue *cat,
                            const struct enc_text *text, const char *lang);

/* True when the product (index) is a package that contains product p,
 * directly or through another package. */
bool product_contains(const struct enc_catalogue *cat, int32_t package,
                      int32_t p);

/* R4: how many units of product p one unit of package holds: the sum,
 * over every way down its components, of their quantities multiplied
 * (saturating at UINT32_MAX); 1 when package is p, 0 when it holds none. */
uint32_t product_count_in(const struct enc_catalogue *cat, int32_t package,
                          int32_t p);

/* Wire names of the enums: "internet", "event", "upsell"... and back.
 * The parsers return -1 for an unknown name. */
const char *channel_type_name(enum enc_channel_type t);
const char *kind_name(enum enc_kind k);
const char *line_type_name(enum enc_line_type t);
const char *placement_name(enum enc_placement p);
const char *stage_name(enum enc_stage s);
int channel_type_parse(const char *s);
int kind_parse(const char *s);
int line_type_parse(const char *s);
int placement_parse(const char *s);
int stage_parse(const char *s);

#endif
