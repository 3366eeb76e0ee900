/* commands.h — the subcommands; each returns the process exit status. */
#ifndef SG_COMMANDS_H
#define SG_COMMANDS_H
#include <stdbool.h>

/* `sofgen build` (write = true) and `sofgen check` (write = false). */
int sg_cmd_build(int argc, char **argv, bool write);
/* `sofgen render TEMPLATE [--data FILE] [--partials DIR]` */
int sg_cmd_render(int argc, char **argv);
/* `sofgen new insats|nyhetsbrev|evenemang …`: a new content file (cmd_new.c) */
int sg_cmd_new(int argc, char **argv);
/* `sofgen serve [--content DIR] [--templates DIR] [--assets DIR] [--port N] [--bind ADDR]
 * [--drafts]`: build, serve over HTTP, rebuild on changes, live reload (cmd_serve.c) */
int sg_cmd_serve(int argc, char **argv);

/* `sofgen schema [--content DIR] [--out DIR]`: JSON Schemas of the content (cmd_schema.c) */
int sg_cmd_schema(int argc, char **argv);

/* `sofgen init DIR [--forbund NAMN] [--kommuner A,B]`: a new site (cmd_init.c) */
int sg_cmd_init(int argc, char **argv);
/* `sofgen pdf FÖRBUND ÅR [--out FIL] [--content DIR] [--templates DIR] [--assets DIR]
 * [--now DATE] [--timeout S]`: the verksamhetsplan page printed to a tagged PDF by
 * headless chromium (cmd_pdf.c) */
int sg_cmd_pdf(int argc, char **argv);

#endif
