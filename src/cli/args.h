/* args.h — a small option parser for the subcommands: `--name VALUE`, `--name=VALUE`
 * and flags, with messages for unknown or incomplete options. */
#ifndef SG_ARGS_H
#define SG_ARGS_H
#include <stdbool.h>

typedef struct sg_opt {
	const char *name; /* "--content" */
	bool takes_value;
	const char **value; /* where the value goes (takes_value) */
	bool *flag;         /* set to true (!takes_value) */
} sg_opt;

/* Parses argv[first..argc). Positional arguments are stored in positional[] (up to
 * max_positional). Returns the number of positionals, or -1 after printing a usage
 * error to stderr. */
int sg_args_parse(int argc, char **argv, int first, const sg_opt *opts, const char **positional, int max_positional,
                  const char *command);

#endif
