/*
 * check.c - `encore check [--now TIME]` (SPEC 6): one line per finding on
 * stdout, exit 1 when one is an error.
 */
#include <string.h>

#include "../core/timeutil.h"
#include "../server/answer.h"
#include "cli.h"

/* Checks every profile of cat as of now and prints the findings. */
static int
check_print(const struct enc_catalogue *cat, struct enc_time now)
{
    struct enc_findings f;
    findings_init(&f);
    if (!check_all(cat, now, &f)) {
        findings_cleanup(&f);
        cli_say("out of memory");
        return CLI_FAIL;
    }
    cli_print_findings(stdout, "", cat, &f);
    cli_say("%u profiles checked: %u errors, %u warnings", cat->n_profiles,
            f.n_errors, f.n - f.n_errors);
    int status = f.n_errors > 0 ? CLI_FINDINGS : CLI_OK;
    findings_cleanup(&f);
    return status;
}

int
cmd_check(struct cli *cli, int argc, char **argv)
{
    static const char usage[] = "[--now TIME]";
    struct cli_option now_opt = {"now", true, NULL, false};
    int first = 0;
    int status = cli_options(argc, argv, usage, &now_opt, 1, &first);
    if (status >= 0)
        return status;
    if (first != argc)
        return cli_usage(argv[0], usage);
    struct enc_time now = answer_clock_now();
    const char *when = now_opt.value;
    if (when != NULL && !time_parse_rfc3339(when, strlen(when), &now)) {
        cli_say("--now: not an RFC 3339 time: %s", when);
        return CLI_FAIL;
    }

    struct store *s = NULL;
    if (!cli_open(cli, &s))
        return CLI_FAIL;
    struct enc_catalogue *cat = NULL;
    struct enc_error err = {0};
    status = CLI_FAIL;
    if (store_load(s, &cat, &err) != ENC_OK)
        cli_say_error(&err);
    else if (cat == NULL)
        cli_say("%s", STORE_EMPTY_MESSAGE);
    else
        status = check_print(cat, now);
    catalogue_free(cat);
    store_close(s);
    return status;
}
