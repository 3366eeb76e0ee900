/* i18n.c — the message catalogue and the language (see i18n.h). */
#include "i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"

#ifndef SOFGEN_LOCALEDIR
#define SOFGEN_LOCALEDIR "/usr/local/share/locale"
#endif

/* A locale name that names no language: unset, empty, C, POSIX or C.<codeset>. */
static bool no_language(const char *s)
{
	return !s || !*s || strcmp(s, "C") == 0 || strcmp(s, "POSIX") == 0 || strncmp(s, "C.", 2) == 0;
}

/* The locale name that decides LC_MESSAGES, as setlocale reads the environment. */
static const char *messages_locale_name(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *s = getenv(vars[i]);
		if (s && *s)
			return s;
	}
	return NULL;
}

/* Uses C.UTF-8 for messages (it is not "C", so gettext honours LANGUAGE) and, unless
 * LANGUAGE is set, the language of the locale name `name` ("sv_SE.UTF-8" gives "sv_SE"). */
static void language_without_locale(const char *name)
{
	if (!setlocale(LC_MESSAGES, "C.UTF-8"))
		return;
	const char *lang = getenv("LANGUAGE");
	if (lang && *lang)
		return;
	char buf[64];
	snprintf(buf, sizeof buf, "%.*s", (int)strcspn(name, ".@"), name);
	setenv("LANGUAGE", buf, 1);
}

/* exe_dir/rel when it holds sofgen's Swedish catalogue (malloc'd), else NULL. */
static char *catalogue_in(const char *exe_dir, const char *rel)
{
	char *dir = sg_asprintf("%s/%s", exe_dir, rel);
	char *mo = sg_asprintf("%s/sv/LC_MESSAGES/" SG_TEXTDOMAIN ".mo", dir);
	bool found = access(mo, R_OK) == 0;
	free(mo);
	if (found)
		return dir;
	free(dir);
	return NULL;
}

/* The folder of the catalogues: $SOFGEN_LOCALEDIR, else the build tree's when the binary
 * is one of a build (build/release/sofgen: build/release/locale; the copy `make` puts in
 * the project root: build/release/locale below it), else SOFGEN_LOCALEDIR. An absolute
 * path (the commands may change folder before the first message); the caller frees it. */
static char *locale_dir(void)
{
	const char *env = getenv("SOFGEN_LOCALEDIR");
	if (env && *env) {
		char *abs = realpath(env, NULL);
		return abs ? abs : sg_strdup(env);
	}
	char *exe = realpath("/proc/self/exe", NULL);
	char *slash = exe ? strrchr(exe, '/') : NULL;
	char *dir = NULL;
	if (slash) {
		*slash = '\0';
		dir = catalogue_in(exe, "locale");
		if (!dir)
			dir = catalogue_in(exe, "build/release/locale");
	}
	free(exe);
	return dir ? dir : sg_strdup(SOFGEN_LOCALEDIR);
}

void sg_i18n_init(void)
{
	const char *got = setlocale(LC_MESSAGES, "");
	const char *name = messages_locale_name();
	if (!got || strcmp(got, "C") == 0) {
		if (!no_language(name))
			language_without_locale(name); /* e.g. LANG=sv_SE.UTF-8 on a machine without sv_SE */
		else if (!name && !no_language(getenv("LANGUAGE")))
			/* `LANGUAGE=sv sofgen …` where no locale is set at all (a bare ssh session, a CI
			 * job): honoured too, as C.UTF-8; an explicit LC_ALL=C keeps POSIX's English */
			setlocale(LC_MESSAGES, "C.UTF-8");
	}
	/* libc's own messages (strerror) in UTF-8 too; byte classes stay as in "C" */
	setlocale(LC_CTYPE, "C.UTF-8");
	char *dir = locale_dir();
	bindtextdomain(SG_TEXTDOMAIN, dir); /* copies it */
	free(dir);
	bind_textdomain_codeset(SG_TEXTDOMAIN, "UTF-8");
}

bool sg_i18n_default_language(const char *lang)
{
	if (!lang || !*lang || !no_language(getenv("LANGUAGE")) || !no_language(messages_locale_name()))
		return false;
	if (!setlocale(LC_MESSAGES, "C.UTF-8"))
		return false;
	char buf[64]; /* "sv-SE", as in HTML, is "sv_SE" to gettext */
	snprintf(buf, sizeof buf, "%s", lang);
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = '_';
	setenv("LANGUAGE", buf, 1);
	return true;
}
