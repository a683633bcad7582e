/*
 * decode_catalogue.c - encore-catalogue/1 to a catalogue (SPEC 7): the
 * entry point, the top level, the institution and the small records.
 * Products are read in decode_product.c, profiles in decode_profile.c.
 */
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "decode.h"
#include "merge.h"
#include "parse.h"

#define CATALOGUE_FORMAT "encore-catalogue/1"

/* Institution. */

static enum enc_code
institution_code(struct reader *r, const struct jtok *v, void *record)
{
    return read_code(r, v, &((struct enc_institution *)record)->code);
}

static enum enc_code
institution_name(struct reader *r, const struct jtok *v, void *record)
{
    return decode_text(decoder_of(r), v,
                       &((struct enc_institution *)record)->name);
}

static enum enc_code
institution_timezone(struct reader *r, const struct jtok *v, void *record)
{
    const char **zone = &((struct enc_institution *)record)->timezone;
    enum enc_code rc = read_label(r, v, zone);

    if (rc == ENC_OK && !tz_exists(*zone))
        return reader_fail(
            r, ENC_INVALID_FIELD,
            "unknown time zone %s: an IANA name such as Europe/Paris", *zone);
    return rc;
}

/* ISO 4217: three capital letters. */
static enum enc_code
institution_currency(struct reader *r, const struct jtok *v, void *record)
{
    const char *s = jv_string(v);

    if (!jv_is_string(v) || jv_string_length(v) != 3 || s[0] < 'A' ||
        s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' || s[2] < 'A' || s[2] > 'Z')
        return reader_fail(
            r, ENC_INVALID_FIELD,
            "a currency is three capital letters (ISO 4217), such as EUR");
    return read_code(r, v, &((struct enc_institution *)record)->currency);
}

/* One language or more, each once. */
static enum enc_code
institution_languages(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_institution *inst = record;
    size_t n;
    enum enc_code rc = read_array(r, v, 1, UINT32_MAX, &n);

    if (rc != ENC_OK)
        return rc;
    inst->languages = arena_alloc(r->arena, n * sizeof *inst->languages);
    if (!inst->languages)
        return reader_oom(r);
    for (size_t i = 0; i < n; i++) {
        size_t mark = reader_push_index(r, i);
        rc = read_lang(r, jv_array_get(v, i), &inst->languages[i]);
        if (rc != ENC_OK)
            return rc;
        for (size_t j = 0; j < i; j++)
            if (strcmp(inst->languages[j], inst->languages[i]) == 0)
                return reader_fail(r, ENC_INVALID_FIELD,
                                   "language %s is listed twice",
                                   inst->languages[i]);
        reader_pop(r, mark);
    }
    inst->n_languages = (uint32_t)n;
    return ENC_OK;
}

static const struct field institution_fields[] = {
    {"code", true, institution_code},
    {"name", false, institution_name},
    {"timezone", true, institution_timezone},
    {"currency", true, institution_currency},
    {"languages", true, institution_languages},
};

/* Channels. */

static enum enc_code
channel_code(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_channel *c = record;

    return decode_own_code(d, v, CODE_CHANNEL, (uint32_t)(c - d->cat->channels),
                           &c->code);
}

static enum enc_code
channel_name(struct reader *r, const struct jtok *v, void *record)
{
    return decode_text(decoder_of(r), v, &((struct enc_channel *)record)->name);
}

static enum enc_code
channel_type(struct reader *r, const struct jtok *v, void *record)
{
    int t;
    enum enc_code rc = read_parsed(
        r, v, channel_type_parse,
        "a channel type (internet, box_office, call_center, partner, kiosk)",
        &t);

    if (rc == ENC_OK)
        ((struct enc_channel *)record)->type = (enum enc_channel_type)t;
    return rc;
}

/* The type is required: no default is safe, since R1 turns on it. */
static const struct field channel_fields[] = {
    {"code", true, channel_code},
    {"name", false, channel_name},
    {"type", true, channel_type},
};

static enum enc_code
decode_channel(struct decoder *d, const struct jtok *v, uint32_t index)
{
    return read_object(&d->r, v, channel_fields, 3, &d->cat->channels[index]);
}

/* Seat categories. */

static enum enc_code
seat_category_code(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_seat_category *s = record;

    return decode_own_code(d, v, CODE_SEAT_CATEGORY,
                           (uint32_t)(s - d->cat->seat_categories), &s->code);
}

static enum enc_code
seat_category_name(struct reader *r, const struct jtok *v, void *record)
{
    return decode_text(decoder_of(r), v,
                       &((struct enc_seat_category *)record)->name);
}

/* SPEC 1: ranked, 1 = best. */
static enum enc_code
seat_category_rank(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_seat_category *s = record;

    s->has_rank = true;
    return read_int(r, v, 1, INT32_MAX, &s->rank);
}

static const struct field seat_category_fields[] = {
    {"code", true, seat_category_code},
    {"name", false, seat_category_name},
    {"rank", false, seat_category_rank},
};

static enum enc_code
decode_seat_category(struct decoder *d, const struct jtok *v, uint32_t index)
{
    return read_object(&d->r, v, seat_category_fields, 3,
                       &d->cat->seat_categories[index]);
}

/* Audiences, activities and themes: a code, a name, for themes a parent. */

static enum enc_code
named_name(struct reader *r, const struct jtok *v, void *record)
{
    return decode_text(decoder_of(r), v, &((struct enc_named *)record)->name);
}

static enum enc_code
audience_code(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_named *a = record;

    return decode_own_code(d, v, CODE_AUDIENCE,
                           (uint32_t)(a - d->cat->audiences), &a->code);
}

static enum enc_code
activity_code(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_named *a = record;

    return decode_own_code(d, v, CODE_ACTIVITY,
                           (uint32_t)(a - d->cat->activities), &a->code);
}

static enum enc_code
theme_code(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_named *t = record;

    return decode_own_code(d, v, CODE_THEME, (uint32_t)(t - d->cat->themes),
                           &t->code);
}

static enum enc_code
theme_parent(struct reader *r, const struct jtok *v, void *record)
{
    return decode_ref(decoder_of(r), v, CODE_THEME,
                      &((struct enc_named *)record)->parent);
}

static const struct field audience_fields[] = {
    {"code", true, audience_code},
    {"name", false, named_name},
};

static const struct field activity_fields[] = {
    {"code", true, activity_code},
    {"name", false, named_name},
};

static const struct field theme_fields[] = {
    {"code", true, theme_code},
    {"name", false, named_name},
    {"parent", false, theme_parent},
};

static enum enc_code
decode_audience(struct decoder *d, const struct jtok *v, uint32_t index)
{
    struct enc_named *a = &d->cat->audiences[index];

    a->parent = ENC_NONE;
    return read_object(&d->r, v, audience_fields, 2, a);
}

static enum enc_code
decode_activity(struct decoder *d, const struct jtok *v, uint32_t index)
{
    struct enc_named *a = &d->cat->activities[index];

    a->parent = ENC_NONE;
    return read_object(&d->r, v, activity_fields, 2, a);
}

static enum enc_code
decode_theme(struct decoder *d, const struct jtok *v, uint32_t index)
{
    struct enc_named *t = &d->cat->themes[index];

    t->parent = ENC_NONE;
    return read_object(&d->r, v, theme_fields, 3, t);
}

/*
 * Marks in on_cycle[] every theme that is its own ancestor. Each walk up
 * the parents stops at a theme already walked (state 2) or at one of its
 * own (state 1): then the walk from there on is a cycle. O(themes).
 */
static void
themes_mark_cycles(const struct enc_catalogue *cat, unsigned char *state,
                   bool *on_cycle, uint32_t *walk)
{
    for (uint32_t i = 0; i < cat->n_themes; i++) {
        uint32_t n = 0;
        int32_t t = (int32_t)i;

        while (t >= 0 && state[t] == 0) {
            state[t] = 1;
            walk[n++] = (uint32_t)t;
            t = cat->themes[t].parent;
        }
        if (t >= 0 && state[t] == 1)
            for (uint32_t k = n; k-- > 0;) {
                on_cycle[walk[k]] = true;
                if (walk[k] == (uint32_t)t)
                    break;
            }
        for (uint32_t k = 0; k < n; k++)
            state[walk[k]] = 2;
    }
}

/* Refuses a theme that is its own ancestor, at the first such theme of
 * the document given. */
static enum enc_code
themes_check_cycles(struct decoder *d)
{
    uint32_t n = d->cat->n_themes;
    unsigned char *state = calloc(n ? n : 1, 1);
    bool *on_cycle = calloc(n ? n : 1, sizeof *on_cycle);
    uint32_t *walk = malloc((n ? n : 1) * sizeof *walk);
    enum enc_code rc = ENC_OK;

    if (!state || !on_cycle || !walk) {
        rc = reader_oom(&d->r);
        goto out;
    }
    themes_mark_cycles(d->cat, state, on_cycle, walk);
    for (uint32_t k = 0; k < n; k++) {
        uint32_t m = d->order[CODE_THEME][k];
        const int32_t *origin = d->origin[CODE_THEME];
        if (!on_cycle[m] || (origin && origin[m] < 0))
            continue;
        reader_push_index(&d->r, origin ? (uint32_t)origin[m] : m);
        reader_push_key(&d->r, "parent");
        rc =
            reader_fail(&d->r, ENC_INVALID_FIELD,
                        "theme %s is its own ancestor", d->cat->themes[m].code);
        break;
    }
out:
    free(walk);
    free(on_cycle);
    free(state);
    return rc;
}

/* The top level. */

static enum enc_code
top_format(struct reader *r, const struct jtok *v, void *record)
{
    (void)record;
    if (!jv_is_string(v) || strcmp(jv_string(v), CATALOGUE_FORMAT))
        return reader_fail(r, ENC_INVALID_FIELD,
                           "unsupported format: "
                           "expected " CATALOGUE_FORMAT);
    return ENC_OK;
}

static enum enc_code
top_institution(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = record;
    return read_object(r, v, institution_fields, 5, &d->cat->institution);
}

static enum enc_code
top_channels(struct reader *r, const struct jtok *v, void *record)
{
    (void)r;
    return decode_records(record, v, CODE_CHANNEL, decode_channel);
}

static enum enc_code
top_seat_categories(struct reader *r, const struct jtok *v, void *record)
{
    (void)r;
    return decode_records(record, v, CODE_SEAT_CATEGORY, decode_seat_category);
}

static enum enc_code
top_audiences(struct reader *r, const struct jtok *v, void *record)
{
    (void)r;
    return decode_records(record, v, CODE_AUDIENCE, decode_audience);
}

static enum enc_code
top_activities(struct reader *r, const struct jtok *v, void *record)
{
    (void)r;
    return decode_records(record, v, CODE_ACTIVITY, decode_activity);
}

static enum enc_code
top_themes(struct reader *r, const struct jtok *v, void *record)
{
    enum enc_code rc = decode_records(record, v, CODE_THEME, decode_theme);

    (void)r;
    return rc == ENC_OK ? themes_check_cycles(record) : rc;
}

static enum enc_code
top_products(struct reader *r, const struct jtok *v, void *record)
{
    (void)r;
    return decode_records(record, v, CODE_PRODUCT, decode_product);
}

static enum enc_code
top_profiles(struct reader *r, const struct jtok *v, void *record)
{
    (void)r;
    return decode_records(record, v, CODE_PROFILE, decode_profile);
}

static const struct field top_fields[] = {
    {"format", true, top_format},
    {"institution", true, top_institution},
    {"channels", false, top_channels},
    {"seat_categories", false, top_seat_categories},
    {"audiences", false, top_audiences},
    {"activities", false, top_activities},
    {"themes", false, top_themes},
    {"products", false, top_products},
    {"profiles", false, top_profiles},
};

/* R2: resolves every date-only bound in the institution's time zone. */
static enum enc_code
decode_resolve_bounds(struct decoder *d)
{
    const char *zone = d->cat->institution.timezone;
    struct tz_query *q;
    enum enc_code rc = ENC_OK;

    if (d->n_bounds == 0)
        return ENC_OK;
    q = malloc(d->n_bounds * sizeof *q);
    if (!q)
        return reader_oom(&d->r);
    for (size_t i = 0; i < d->n_bounds; i++)
        q[i] = (struct tz_query){d->bounds[i]->day, d->bound_end[i], {0, 0}};
    if (!tz_resolve(zone, q, d->n_bounds))
        rc = reader_fail(&d->r, ENC_INTERNAL,
                         "cannot read dates in time zone %s from tzdata", zone);
    for (size_t i = 0; rc == ENC_OK && i < d->n_bounds; i++)
        d->bounds[i]->at = q[i].at;
    free(q);
    return rc;
}

/* Reads the (merged) root into d->cat: pass A, pass B, then what needs
 * the whole catalogue. */
static enum enc_code
decode_root(struct decoder *d, const struct jtok *root)
{
    enum enc_code rc = decode_scan(d, root);

    if (rc == ENC_OK)
        rc = read_object(&d->r, root, top_fields, 9, d);
    if (rc != ENC_OK && d->in_stored) {
        char message[ENC_MESSAGE_MAX], field[ENC_FIELD_MAX];
        memcpy(message, d->r.err->message, sizeof message);
        memcpy(field, d->r.err->field, sizeof field);
        /* The field is not in the document given: leave it out and name
         * the stored record in the message (DECISIONS "Partial imports"). */
        enc_error_set(d->r.err, rc, NULL,
                      "the stored catalogue's %s would be broken: %s", field,
                      message);
    }
    if (rc == ENC_OK)
        rc = decode_resolve_bounds(d);
    if (rc == ENC_OK && !catalogue_index(d->cat))
        rc = reader_fail(&d->r, ENC_INTERNAL,
                         "cannot index the catalogue: out of memory");
    return rc;
}

/* Parses the stored document; an error there is the store's, not the
 * caller's (ENC_INTERNAL). */
static enum enc_code
decode_parse_base(const char *base, size_t base_len, json_t **out,
                  struct enc_error *err)
{
    enum enc_code rc = parse_object(base, base_len, CODEC_MAX_DOCUMENT,
                                    "the stored catalogue", out, err);
    char message[ENC_MESSAGE_MAX];

    if (rc == ENC_OK)
        return ENC_OK;
    memcpy(message, err->message, sizeof message);
    return enc_error_set(err, ENC_INTERNAL, NULL,
                         "the stored catalogue does not parse: %s", message);
}

/*
 * Tokenizes len bytes of text (a document, or a merged one) into scratch;
 * *root gets its object. Malformed text is reported with jansson's
 * message (parse_object()), as it always was (SPEC 5).
 */
static enum enc_code
decode_tokens(const char *text, size_t len, struct arena *scratch,
              const struct jtok **root, struct enc_error *err)
{
    struct jtok_doc tokens;
    json_t *tree = NULL;
    enum enc_code rc;

    if (len <= CODEC_MAX_DOCUMENT &&
        jtok_parse(text, len, scratch, true, &tokens) &&
        jv_is_object(tokens.toks)) {
        *root = tokens.toks;
        return ENC_OK;
    }
    rc =
        parse_object(text, len, CODEC_MAX_DOCUMENT, "the document", &tree, err);
    json_decref(tree);
    if (rc == ENC_OK) /* jansson took what jtok did not: no memory left */
        rc = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return rc;
}

/*
 * SPEC 9: merges doc into the stored document base (both parsed by
 * jansson, merged as trees by merge.c), then tokenizes the merged text
 * into scratch for the decoder: *root.
 */
static enum enc_code
decode_merged(struct decoder *d, const char *doc, size_t len, const char *base,
              size_t base_len, struct arena *scratch, const struct jtok **root,
              struct enc_error *err)
{
    json_t *given = NULL, *stored = NULL, *merged = NULL;
    char *text = NULL;
    enum enc_code rc =
        parse_object(doc, len, CODEC_MAX_DOCUMENT, "the document", &given, err);

    if (rc == ENC_OK)
        rc = decode_parse_base(base, base_len, &stored, err);
    if (rc == ENC_OK)
        rc = decode_merge(d, given, stored, &merged);
    if (rc == ENC_OK) {
        text = json_dumps(merged, JSON_COMPACT);
        rc = text ? decode_tokens(text, strlen(text), scratch, root, err)
                  : enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    }
    free(text);
    json_decref(merged);
    json_decref(stored);
    json_decref(given);
    return rc;
}

enum enc_code
codec_catalogue_decode(const char *doc, size_t len, const char *base,
                       size_t base_len, struct enc_catalogue **out,
                       struct enc_error *err)
{
    struct decoder d = {0};
    struct enc_catalogue *cat = catalogue_new();
    const struct jtok *root = NULL;
    struct enc_error unused;
    struct arena scratch; /* the document's tokens, freed at the end */
    enum enc_code rc;

    *out = NULL;
    if (!err)
        err = &unused;
    if (!cat)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    arena_init(&scratch, 0);
    reader_init(&d.r, &cat->arena, err);
    d.cat = cat;

    /* SPEC 9: what the document names replaces what is stored. */
    if (base)
        rc = decode_merged(&d, doc, len, base, base_len, &scratch, &root, err);
    else
        rc = decode_tokens(doc, len, &scratch, &root, err);
    if (rc == ENC_OK)
        rc = decode_root(&d, root);
    if (rc == ENC_OK) {
        *out = cat;
        cat = NULL;
    }
    decode_release(&d);
    arena_cleanup(&scratch);
    catalogue_free(cat);
    return rc;
}

/* What a store writes of its profiles, and what a user's document of
 * profiles alone may hold (SPEC 7: the format is required). */
static const struct field stored_profiles_fields[] = {
    {"profiles", false, top_profiles},
};

static const struct field document_profiles_fields[] = {
    {"format", true, top_format},
    {"profiles", false, top_profiles},
};

/* Decodes the profiles of doc into overlay, reading the top level with
 * the n fields given. */
static enum enc_code
decode_profiles_with(struct enc_catalogue *overlay, const char *doc, size_t len,
                     const struct field *fields, size_t n,
                     struct enc_error *err)
{
    struct decoder d = {0};
    const struct jtok *root = NULL;
    struct enc_error unused;
    struct arena scratch;
    enum enc_code rc;

    if (!err)
        err = &unused;
    arena_init(&scratch, 0);
    reader_init(&d.r, catalogue_profiles_arena(overlay), err);
    d.cat = overlay;
    d.profiles_only = true;
    rc = decode_tokens(doc, len, &scratch, &root, err);
    if (rc == ENC_OK)
        rc = decode_scan_profiles(&d, root);
    if (rc == ENC_OK)
        rc = read_object(&d.r, root, fields, n, &d);
    if (rc == ENC_OK)
        rc = decode_resolve_bounds(&d);
    decode_release(&d);
    arena_cleanup(&scratch);
    return rc;
}

enum enc_code
codec_profiles_decode(struct enc_catalogue *overlay, const char *doc,
                      size_t len, struct enc_error *err)
{
    return decode_profiles_with(overlay, doc, len, stored_profiles_fields, 1,
                                err);
}

enum enc_code
codec_profiles_document_decode(struct enc_catalogue *overlay, const char *doc,
                               size_t len, struct enc_error *err)
{
    return decode_profiles_with(overlay, doc, len, document_profiles_fields, 2,
                                err);
}
