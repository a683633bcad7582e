/*
 * answer.c - proposal answers and error objects (answer.h).
 */
#include "answer.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../codec/codec.h"
#include "../store/store.h"

struct enc_time
answer_clock_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct enc_time now = {.utc = (int64_t)ts.tv_sec, .offset = 0};
    return now;
}

char *
answer_error(const struct enc_error *err, size_t *out_len)
{
    size_t len = 0;
    char *text = codec_error_encode(err, &len);
    if (text == NULL)
        return NULL;
    char *line = realloc(text, len + 2);
    if (line == NULL) {
        free(text);
        return NULL;
    }
    line[len] = '\n';
    line[len + 1] = '\0';
    *out_len = len + 1;
    return line;
}

enum enc_code
answer_proposal(const struct enc_catalogue *cat, const char *body, size_t len,
                char **out, size_t *out_len)
{
    struct enc_error err = {0};
    *out = NULL;
    if (len > CODEC_MAX_BODY)
        enc_error_set(&err, ENC_TOO_LARGE, NULL,
                      "the request is larger than %u bytes", CODEC_MAX_BODY);
    else if (cat == NULL)
        enc_error_set(&err, ENC_NOT_FOUND, NULL, STORE_EMPTY_MESSAGE);
    else
        return codec_propose(cat, body, len, answer_clock_now(), out, out_len);
    *out = answer_error(&err, out_len);
    return err.code;
}
