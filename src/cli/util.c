/*
 * util.c - helpers shared by the commands (cli.h).
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../server/answer.h"
#include "cli.h"

void
cli_say(const char *fmt, ...)
{
    va_list ap;
    fputs("encore: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void
cli_say_error(const struct enc_error *err)
{
    if (err->field[0] != '\0')
        cli_say("%s: %s", err->field, err->message);
    else
        cli_say("%s", err->message);
}

void
cli_write_error_json(const struct enc_error *err)
{
    size_t len = 0;
    char *line = answer_error(err, &len);
    if (line == NULL) {
        cli_say("out of memory");
        return;
    }
    fwrite(line, 1, len, stderr);
    free(line);
}

int
cli_usage(const char *name, const char *usage)
{
    cli_say("usage: encore [--db PATH] %s%s%s", name, usage[0] ? " " : "",
            usage);
    return CLI_FAIL;
}

void
cli_say_bad_option(int c, char **argv)
{
    const char *arg = optind > 0 ? argv[optind - 1] : "";
    int name_len = (int)strcspn(arg, "=");
    if (c == ':')
        cli_say("option '%.*s' requires an argument", name_len, arg);
    else if (strncmp(arg, "--", 2) == 0 && optopt != 0)
        cli_say("option '%.*s' takes no argument", name_len, arg);
    else if (strncmp(arg, "--", 2) == 0 || optopt == 0)
        cli_say("unknown option '%.*s'", name_len, arg);
    else
        cli_say("unknown option '-%c'", optopt);
}

int
cli_options(int argc, char **argv, const char *usage, struct cli_option *opts,
            size_t n_opts, int *first)
{
    struct option options[CLI_MAX_OPTIONS + 2] = {
        {"help", no_argument, NULL, 'h'}};
    if (n_opts > CLI_MAX_OPTIONS)
        n_opts = CLI_MAX_OPTIONS;
    for (size_t i = 0; i < n_opts; i++)
        options[i + 1] = (struct option){
            opts[i].name, opts[i].has_arg ? required_argument : no_argument,
            NULL, 'a' + (int)i};
    /* 0 makes glibc start over: main parsed its own options already. */
    optind = 0;
    opterr = 0; /* its messages would not start with "encore: " */
    for (;;) {
        int c = getopt_long(argc, argv, "+:h", options, NULL);
        if (c == -1)
            break;
        if (c == 'h') {
            printf("usage: encore [--db PATH] %s%s%s\n", argv[0],
                   usage[0] ? " " : "", usage);
            return CLI_OK;
        }
        if (c < 'a' || c >= 'a' + (int)n_opts) {
            cli_say_bad_option(c, argv);
            return cli_usage(argv[0], usage);
        }
        opts[c - 'a'].given = true;
        opts[c - 'a'].value = optarg;
    }
    *first = optind;
    return -1;
}

enum enc_code
cli_read_all(FILE *in, const char *name, size_t cap, char **text, size_t *len,
             struct enc_error *err)
{
    size_t size = 64 * 1024;
    size_t n = 0;
    char *buf = malloc(size + 1);
    *text = NULL;
    while (buf != NULL) {
        if (n == size) {
            size = size * 2 > cap + 1 ? cap + 1 : size * 2;
            char *grown = realloc(buf, size + 1);
            if (grown == NULL)
                break;
            buf = grown;
        }
        n += fread(buf + n, 1, size - n, in);
        if (n > cap) {
            free(buf);
            return enc_error_set(err, ENC_TOO_LARGE, NULL,
                                 "%s is larger than %zu bytes", name, cap);
        }
        if (n < size)
            break;
    }
    if (buf == NULL || n == size) {
        free(buf);
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    }
    if (ferror(in)) {
        free(buf);
        return enc_error_set(err, ENC_INVALID_FIELD, NULL, "cannot read %s: %s",
                             name, strerror(errno));
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return ENC_OK;
}

bool
cli_open(const struct cli *cli, struct store **s)
{
    struct enc_error err = {0};
    if (store_open(cli->db_path, s, &err) == ENC_OK)
        return true;
    cli_say_error(&err);
    return false;
}

void
cli_print_findings(FILE *out, const char *prefix,
                   const struct enc_catalogue *cat,
                   const struct enc_findings *f)
{
    for (uint32_t i = 0; i < f->n; i++) {
        const struct enc_finding *x = &f->items[i];
        const struct enc_profile *p = &cat->profiles[x->profile];
        const char *severity =
            x->severity == SEVERITY_ERROR ? "error" : "warning";
        if (x->line >= 0)
            fprintf(out, "%s%s/%s: %s: %s\n", prefix, p->code,
                    p->lines[x->line].id, severity, x->message);
        else
            fprintf(out, "%s%s: %s: %s\n", prefix, p->code, severity,
                    x->message);
    }
}

bool
cli_write_stdout(const char *text, size_t len)
{
    if (fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0)
        return true;
    cli_say("cannot write the output: %s", strerror(errno));
    return false;
}
