/*
 * propose_json.c - one proposal request, bytes in, bytes out: the one path
 * that the CLI ("encore propose") and the server both take, so their
 * answers are the same bytes (SPEC 8).
 *
 * codec_propose() returns malloc'ed text; codec_propose_reuse() writes
 * into memory of the calling thread, reused from request to request: the
 * request's arena starts on a buffer of the thread and the answer is
 * written into another, so a request of the usual size never touches the
 * heap (DESIGN: "no allocation from the general heap on that path").
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "answer_write.h"
#include "codec.h"

/* Request, cart and answer of one call; a cart of 1,000 items and its
 * proposals stay far below. */
#define PROPOSE_ARENA_MAX (64u << 20)

/* An answer holds at most a few hundred proposals; this is far above. */
#define PROPOSE_ANSWER_MAX (64u << 20)

/* The buffers of codec_propose_reuse(), per thread: a 20-item cart uses
 * about 40 KB of arena and writes about 20 KB of answer. */
#define REUSE_ARENA (256u << 10)
#define REUSE_ANSWER (64u << 10)

/* TODO(reuse): a thread that ends keeps its last spilled answer (only an
 * answer past 64 KB spills): a pthread key's destructor would free it. */
struct reuse {
    alignas(max_align_t) char arena[REUSE_ARENA];
    char answer[REUSE_ANSWER];
    char *spilled; /* the last answer that outgrew answer[], malloc'ed */
};

static _Thread_local struct reuse reuse;

/* Decodes, proposes and appends the answer to b; *err on failure.
 * counts (NULL: not wanted) gets the proposals per placement. */
static enum enc_code
propose_answer(const struct enc_catalogue *cat, const struct enc_avail *avail,
               const char *body, size_t len, struct enc_time clock_now,
               struct arena *arena, struct strbuf *b, uint32_t *counts,
               struct enc_error *err)
{
    struct enc_propose_opts opts = {.avail = avail};
    struct enc_request req;
    struct enc_answer ans;
    bool has_now;
    enum enc_code rc;

    if (!cat)
        return enc_error_set(err, ENC_NOT_FOUND, NULL,
                             "no catalogue imported yet");
    rc = codec_request_decode(cat, body, len, arena, &req, &has_now, err);
    if (rc != ENC_OK)
        return rc;
    if (!has_now)
        req.now = clock_now;
    rc = enc_propose_with(cat, &req, &opts, arena, &ans, err);
    if (rc != ENC_OK)
        return rc;
    for (uint32_t i = 0; counts != NULL && i < ans.n_proposals; i++)
        counts[ans.proposals[i].placement]++;
    answer_write(b, cat, &ans);
    return ENC_OK;
}

/*
 * Appends to b the answer, or the error object, and one "\n" (SPEC 8).
 * Returns the answer's code; ENC_INTERNAL with b failed when b could not
 * hold it.
 */
static enum enc_code
propose_write(const struct enc_catalogue *cat, const struct enc_avail *avail,
              const char *body, size_t len, struct enc_time clock_now,
              struct arena *arena, struct strbuf *b, uint32_t *counts)
{
    struct enc_error err = {0};
    enum enc_code rc = propose_answer(cat, avail, body, len, clock_now, arena,
                                      b, counts, &err);

    if (rc != ENC_OK)
        error_write(b, &err);
    strbuf_putc(b, '\n');
    return b->failed ? ENC_INTERNAL : rc;
}

enum enc_code
codec_propose(const struct enc_catalogue *cat, const char *body, size_t len,
              struct enc_time clock_now, char **out, size_t *out_len)
{
    return codec_propose_avail(cat, NULL, body, len, clock_now, out, out_len);
}

enum enc_code
codec_propose_avail(const struct enc_catalogue *cat,
                    const struct enc_avail *avail, const char *body, size_t len,
                    struct enc_time clock_now, char **out, size_t *out_len)
{
    struct arena arena;
    struct strbuf b;
    enum enc_code rc;

    arena_init(&arena, PROPOSE_ARENA_MAX);
    strbuf_init(&b, PROPOSE_ANSWER_MAX);
    rc = propose_write(cat, avail, body, len, clock_now, &arena, &b, NULL);
    arena_cleanup(&arena);
    *out = strbuf_finish(&b, out_len);
    if (*out == NULL) {
        *out_len = 0;
        return ENC_INTERNAL;
    }
    return rc;
}

enum enc_code
codec_propose_reuse(const struct enc_catalogue *cat,
                    const struct enc_avail *avail, const char *body, size_t len,
                    struct enc_time clock_now, const char **out,
                    size_t *out_len, uint32_t per_placement[PLACEMENT_COUNT])
{
    struct arena arena;
    struct strbuf b;
    enum enc_code rc;

    if (per_placement != NULL)
        memset(per_placement, 0, PLACEMENT_COUNT * sizeof(*per_placement));
    free(reuse.spilled);
    reuse.spilled = NULL;
    arena_init_buffer(&arena, reuse.arena, sizeof reuse.arena,
                      PROPOSE_ARENA_MAX);
    strbuf_init_buffer(&b, reuse.answer, sizeof reuse.answer,
                       PROPOSE_ANSWER_MAX);
    rc = propose_write(cat, avail, body, len, clock_now, &arena, &b,
                       per_placement);
    arena_cleanup(&arena);
    if (b.failed) {
        strbuf_release(&b);
        *out = NULL;
        *out_len = 0;
        return ENC_INTERNAL;
    }
    if (!b.borrowed)
        reuse.spilled = b.data;
    *out = b.data;
    *out_len = b.len;
    return rc;
}
