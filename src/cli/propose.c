/*
 * propose.c - `encore propose`: a proposal request on stdin, the answer
 * on stdout (SPEC 8). An error goes to stderr as the same JSON object the
 * server sends, on one line, and the exit status is 2.
 */
#include <stdlib.h>

#include "../codec/codec.h"
#include "../server/answer.h"
#include "cli.h"

/* Loads the stored catalogue (NULL when none); prints why on failure. */
static bool
propose_load(struct cli *cli, struct enc_catalogue **cat)
{
    struct store *s = NULL;
    struct enc_error err = {0};
    if (!cli_open(cli, &s))
        return false;
    bool ok = store_load(s, cat, &err) == ENC_OK;
    if (!ok)
        cli_say_error(&err);
    store_close(s);
    return ok;
}

int
cmd_propose(struct cli *cli, int argc, char **argv)
{
    static const char usage[] = "";
    int first = 0;
    int status = cli_options(argc, argv, usage, NULL, 0, &first);
    if (status >= 0)
        return status;
    if (first != argc)
        return cli_usage(argv[0], usage);

    /* A body past the cap is refused by answer_proposal() itself, from
     * its length alone, as the server refuses it. */
    struct enc_error err = {0};
    char *body = NULL;
    size_t len = 0;
    enum enc_code read =
        cli_read_all(stdin, "stdin", CODEC_MAX_BODY, &body, &len, &err);
    if (read == ENC_TOO_LARGE) {
        len = CODEC_MAX_BODY + 1;
    } else if (read != ENC_OK) {
        cli_say_error(&err);
        return CLI_FAIL;
    }

    struct enc_catalogue *cat = NULL;
    if (read == ENC_OK && !propose_load(cli, &cat)) {
        free(body);
        return CLI_FAIL;
    }
    char *out = NULL;
    size_t out_len = 0;
    enum enc_code code = answer_proposal(cat, body, len, &out, &out_len);
    status = CLI_OK;
    if (out == NULL) {
        cli_say("out of memory");
        status = CLI_FAIL;
    } else if (code != ENC_OK) {
        fwrite(out, 1, out_len, stderr);
        status = CLI_FAIL;
    } else if (!cli_write_stdout(out, out_len)) {
        status = CLI_FAIL;
    }
    free(out);
    catalogue_free(cat);
    free(body);
    return status;
}
