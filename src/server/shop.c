/*
 * shop.c - the shop's read API: the products on sale on a channel (R5)
 * with their open performances (R6), prices and what is left (R7).
 */
#include <string.h>

#include "../codec/codec.h"
#include "api.h"
#include "handlers.h"

/* The channel, lang, now, offset and limit of a shop query. */
static enum enc_code
shop_query(const struct enc_catalogue *cat, struct MHD_Connection *c,
           struct codec_shop_query *q, struct enc_error *err)
{
    const char *channel = http_query(c, "channel");
    if (channel == NULL || channel[0] == '\0')
        return enc_error_set(err, ENC_INVALID_FIELD, "channel",
                             "channel is required");
    q->channel = catalogue_lookup(cat, CODE_CHANNEL, channel, strlen(channel));
    if (q->channel < 0)
        return enc_error_set(err, ENC_UNKNOWN_CODE, "channel",
                             "unknown channel %s", channel);
    q->lang = http_query(c, "lang");
    if (q->lang != NULL && q->lang[0] == '\0')
        q->lang = NULL;
    q->product = -1;
    enum enc_code result = api_now(c, &q->now, err);
    if (result == ENC_OK)
        result = api_uint(c, "offset", 0, UINT32_MAX, 0, &q->offset, err);
    if (result == ENC_OK)
        result = api_uint(c, "limit", 1, 1000, 200, &q->limit, err);
    return result;
}

/* Answers the query: every product on sale, or product p (>= 0), 404
 * when it is not on sale on the channel. */
static enum MHD_Result
shop_answer(struct request *r, struct MHD_Connection *c, const char *code)
{
    struct enc_error err = {0};
    const struct snapshot *snap = api_snapshot(r, &err);
    if (snap == NULL)
        return http_respond_error(r, c, &err, NULL);
    struct codec_shop_query q = {0};
    enum enc_code result = shop_query(snap->cat, c, &q, &err);
    if (result == ENC_OK && code != NULL) {
        q.product =
            catalogue_lookup(snap->cat, CODE_PRODUCT, code, strlen(code));
        /* R5: what is not on sale on this channel is not in the shop. */
        if (q.product < 0 ||
            !codec_product_on_sale(snap->cat, (uint32_t)q.product, q.channel,
                                   q.now))
            result = enc_error_set(&err, ENC_NOT_FOUND, NULL,
                                   "product %s is not on sale on this channel",
                                   code);
    }
    char *text = NULL;
    size_t len = 0;
    if (result == ENC_OK)
        text = codec_shop_encode(snap->cat, snap->avail, &q, &len);
    snapshot_release(&r->server->snapshots, snap);
    if (result != ENC_OK)
        return http_respond_error(r, c, &err, NULL);
    return api_respond(r, c, 200, text, len);
}

enum MHD_Result
handle_shop_products(struct request *r, struct MHD_Connection *c)
{
    return shop_answer(r, c, NULL);
}

enum MHD_Result
handle_shop_product(struct request *r, struct MHD_Connection *c)
{
    return shop_answer(r, c, r->params[0]);
}
