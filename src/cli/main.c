/*
 * main.c - `encore`: global options, then one command from the table
 * (SPEC 9).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "encore.h" /* ENCORE_VERSION */

static const struct command commands[] = {
    {"import", cmd_import, "[--replace] FILE|-",
     "import a catalogue document, all or nothing"},
    {"export", cmd_export, "", "write the catalogue as encore-catalogue/1"},
    {"propose", cmd_propose, "", "answer the proposal request on stdin"},
    {"check", cmd_check, "[--now TIME]",
     "check every profile; exit 1 on an error"},
    {"serve", cmd_serve, "[--listen HOST:PORT] [--web DIR] [--cors ORIGIN]",
     "serve the API and the pages"},
};

#define COMMAND_COUNT (sizeof(commands) / sizeof(commands[0]))

static void
print_help(FILE *out)
{
    fputs("usage: encore [--db PATH] COMMAND [ARGS]\n\ncommands:\n", out);
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        char left[48];
        snprintf(left, sizeof(left), "%s %s", commands[i].name,
                 commands[i].usage);
        fprintf(out, "  %-28s %s\n", left, commands[i].help);
    }
    fputs("\noptions:\n"
          "  --db PATH      the database (default $ENCORE_DB, else "
          "encore.db)\n"
          "  -h, --help     this help\n"
          "  -V, --version  the version\n"
          "\nexit status: 0 success, 1 check found an error, 2 bad input,"
          " bad usage\nor any other failure\n",
          out);
}

/* The one line of bad usage on stderr; CLI_FAIL. */
static int
say_usage(void)
{
    cli_say("usage: encore [--db PATH] COMMAND [ARGS] (encore --help lists "
            "the commands)");
    return CLI_FAIL;
}

static const struct command *
command_find(const char *name)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int
main(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    struct cli cli = {getenv("ENCORE_DB")};
    if (cli.db_path == NULL || cli.db_path[0] == '\0')
        cli.db_path = "encore.db";

    /* "+": stop at the command, whose options are its own; ":" and
     * opterr 0: the messages are ours, "encore: " first. */
    opterr = 0;
    for (;;) {
        int c = getopt_long(argc, argv, "+:hV", options, NULL);
        if (c == -1)
            break;
        if (c == 'd') {
            cli.db_path = optarg;
        } else if (c == 'h') {
            print_help(stdout);
            return CLI_OK;
        } else if (c == 'V') {
            printf("encore %s\n", ENCORE_VERSION);
            return CLI_OK;
        } else {
            cli_say_bad_option(c, argv);
            return say_usage();
        }
    }
    if (optind >= argc)
        return say_usage();
    const struct command *cmd = command_find(argv[optind]);
    if (cmd == NULL) {
        cli_say("unknown command '%s' (encore --help lists them)",
                argv[optind]);
        return CLI_FAIL;
    }
    return cmd->run(&cli, argc - optind, argv + optind);
}
