/* run.h — test helper: run the sofgen binary under test ($SOFGEN, default
 * build/release/sofgen) and look at what it printed. Header-only, like fixture.h. */
#ifndef SG_TEST_RUN_H
#define SG_TEST_RUN_H
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "util/buf.h"

static inline const char *sofgen(void)
{
	const char *s = getenv("SOFGEN");
	return s && *s ? s : "build/release/sofgen";
}

/* Runs the shell command `cmd`; returns its exit status (-1 when it did not exit), what
 * it printed on stdout in *out (cleared first). */
static inline int run_shell(sg_buf *out, const char *cmd)
{
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	char chunk[4096];
	size_t n;
	sg_buf_clear(out);
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		sg_buf_put(out, chunk, n);
	int st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Runs `sofgen ARGS` through the shell; returns the exit status, output (stdout and
 * stderr) in *out. */
static inline int run(sg_buf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline int run(sg_buf *out, const char *fmt, ...)
{
	sg_buf cmd = SG_BUF_INIT;
	sg_buf_printf(&cmd, "%s ", sofgen());
	va_list ap;
	va_start(ap, fmt);
	sg_buf_vprintf(&cmd, fmt, ap);
	va_end(ap);
	sg_buf_puts(&cmd, " 2>&1");
	int st = run_shell(out, cmd.ptr);
	sg_buf_free(&cmd);
	return st;
}

static inline bool has(const char *hay, const char *needle) { return hay && strstr(hay, needle) != NULL; }

#endif
