/*
 * export.c - `encore export`: the stored catalogue as encore-catalogue/1.
 */
#include <stdlib.h>

#include "cli.h"

int
cmd_export(struct cli *cli, int argc, char **argv)
{
    static const char usage[] = "";
    int first = 0;
    int status = cli_options(argc, argv, usage, NULL, 0, &first);
    if (status >= 0)
        return status;
    if (first != argc)
        return cli_usage(argv[0], usage);

    struct store *s = NULL;
    if (!cli_open(cli, &s))
        return CLI_FAIL;
    struct enc_error err = {0};
    char *doc = NULL;
    size_t len = 0;
    status = CLI_OK;
    if (store_export(s, &doc, &len, &err) != ENC_OK) {
        cli_say_error(&err);
        status = CLI_FAIL;
    } else if (!cli_write_stdout(doc, len)) {
        status = CLI_FAIL;
    }
    free(doc);
    store_close(s);
    return status;
}
