/*
 * cli.h - what the commands of `encore` share (SPEC 9).
 *
 * Exit statuses: CLI_OK when the command did what it was asked,
 * CLI_FINDINGS when `check` found an error, CLI_FAIL for bad input, bad
 * usage and every other failure (a database that cannot be opened, a
 * write to stdout that fails). Messages on stderr start with "encore: ".
 */
#ifndef ENCORE_CLI_CLI_H
#define ENCORE_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "../core/check.h"
#include "../core/error.h"
#include "../store/store.h"

enum cli_exit {
    CLI_OK = 0,
    CLI_FINDINGS = 1,
    CLI_FAIL = 2,
};

struct cli {
    const char *db_path;
};

/* A command: argv[0] is its name, the rest its own arguments. */
struct command {
    const char *name;
    int (*run)(struct cli *cli, int argc, char **argv);
    const char *usage; /* its arguments, for the usage lines */
    const char *help;  /* one line */
};

int cmd_import(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_propose(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_serve(struct cli *cli, int argc, char **argv);

/* Writes "encore: " and the formatted message and a newline to stderr. */
void cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes err as "encore: FIELD: MESSAGE" (or "encore: MESSAGE"). */
void cli_say_error(const struct enc_error *err);

/* Writes the JSON error object of SPEC 8 on one line to stderr. */
void cli_write_error_json(const struct enc_error *err);

/* Prints "encore: usage: encore [--db PATH] NAME USAGE" on stderr;
 * CLI_FAIL. */
int cli_usage(const char *name, const char *usage);

/* Says why getopt_long (opterr 0, optstring starting "+:") returned c,
 * '?' or ':', for the element before optind, as "encore: ..." on stderr. */
void cli_say_bad_option(int c, char **argv);

/* An option a command may take besides --help. */
struct cli_option {
    const char *name; /* "replace", "now"... */
    bool has_arg;
    const char *value; /* its argument, when given */
    bool given;
};

/* A command takes at most this many options besides --help. */
#define CLI_MAX_OPTIONS 4

/*
 * Parses the options of a command: --help (-h), and the n_opts of opts
 * (may be NULL when n_opts is 0). Returns -1 when they are fine, *first
 * then being the index of the first operand; else the exit status to end
 * with (help printed: CLI_OK; bad usage: CLI_FAIL).
 */
int cli_options(int argc, char **argv, const char *usage,
                struct cli_option *opts, size_t n_opts, int *first);

/*
 * Reads all of in (at most cap bytes; one more is read to tell a larger
 * input, which is refused with ENC_TOO_LARGE). *text is malloc'ed and
 * NUL-terminated; the caller frees it.
 */
enum enc_code cli_read_all(FILE *in, const char *name, size_t cap, char **text,
                           size_t *len, struct enc_error *err);

/* Opens the database; prints why on failure and returns false. */
bool cli_open(const struct cli *cli, struct store **s);

/*
 * Prints each finding as "PROFILE/LINE: error|warning: message" (or
 * "PROFILE: ..." for the profile itself), each after prefix.
 */
void cli_print_findings(FILE *out, const char *prefix,
                        const struct enc_catalogue *cat,
                        const struct enc_findings *f);

/* Writes len bytes to stdout and flushes; prints why and returns false
 * when it fails (a closed pipe, a full disk). */
bool cli_write_stdout(const char *text, size_t len);

#endif
