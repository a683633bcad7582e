/*
 * import.c - `encore import [--replace] FILE|-` (SPEC 9): all or nothing.
 *
 * On a refusal: "encore: FIELD: MESSAGE", then the JSON error object of
 * SPEC 8 on one line, both on stderr, and exit 2. On success the
 * warnings and the drafts' errors, then a one-line summary, on stderr.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/codec.h"
#include "../server/answer.h"
#include "cli.h"

/* Reads the document from path ("-": stdin). */
static enum enc_code
import_read(const char *path, char **doc, size_t *len, struct enc_error *err)
{
    if (strcmp(path, "-") == 0)
        return cli_read_all(stdin, "stdin", CODEC_MAX_DOCUMENT, doc, len, err);
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        return enc_error_set(err, ENC_NOT_FOUND, NULL, "cannot open %s: %s",
                             path, strerror(errno));
    enum enc_code result =
        cli_read_all(in, path, CODEC_MAX_DOCUMENT, doc, len, err);
    fclose(in);
    return result;
}

/* Prints the findings and the summary of an import that succeeded: cat
 * is the catalogue it saved, gen the generation it committed. */
static void
import_report(const struct enc_catalogue *cat, const char *path,
              const struct enc_findings *f, uint64_t gen)
{
    cli_print_findings(stderr, "encore: ", cat, f);
    uint32_t active = 0;
    for (uint32_t p = 0; p < cat->n_profiles; p++)
        active += cat->profiles[p].status == PROFILE_ACTIVE;
    cli_say("imported %s: %u products, %u performances, %u profiles "
            "(%u active); %u errors in drafts, %u warnings; generation %llu",
            path, cat->n_products, cat->n_performances, cat->n_profiles, active,
            f->n_errors, f->n - f->n_errors, (unsigned long long)gen);
}

int
cmd_import(struct cli *cli, int argc, char **argv)
{
    static const char usage[] = "[--replace] FILE|-";
    struct cli_option replace = {"replace", false, NULL, false};
    int first = 0;
    int status = cli_options(argc, argv, usage, &replace, 1, &first);
    if (status >= 0)
        return status;
    if (first != argc - 1)
        return cli_usage(argv[0], usage);
    const char *path = argv[first];

    struct enc_error err = {0};
    struct enc_findings f;
    findings_init(&f);
    char *doc = NULL;
    size_t len = 0;
    struct store *s = NULL;
    struct enc_catalogue *saved = NULL;
    status = CLI_FAIL;
    if (import_read(path, &doc, &len, &err) != ENC_OK)
        goto refused;
    if (!cli_open(cli, &s))
        goto out;
    uint64_t gen = 0;
    if (store_import_generation(s, doc, len, replace.given, answer_clock_now(),
                                &f, NULL, &gen, &saved, &err) != ENC_OK)
        goto refused;
    import_report(saved, path, &f, gen);
    status = CLI_OK;
    goto out;

refused:
    cli_say_error(&err);
    cli_write_error_json(&err);
out:
    catalogue_free(saved);
    store_close(s);
    findings_cleanup(&f);
    free(doc);
    return status;
}
