/* i18n.h — messages in the editor's language with GNU gettext (text domain "sofgen").
 * The English text in the code is the msgid; po/sv.po holds the Swedish. Library code
 * marks what it shows with _() (translated where it is used) or N_() (only marked:
 * a string in a table, translated with _() where it is shown); diagnostics need no
 * mark: sg_error/sg_warning/sg_diag_add translate their format (util/diag.c), and
 * `make pot` knows them as keywords. Until sg_i18n_init has run (unit tests, which call
 * the library directly) every message is the English msgid. */
#ifndef SG_I18N_H
#define SG_I18N_H
#include <libintl.h>
#include <stdbool.h>

#define SG_TEXTDOMAIN "sofgen"
#define _(s) dgettext(SG_TEXTDOMAIN, s)
#define N_(s) s
/* One of two forms by a count n: P_("%zu error", "%zu errors", n) ("1 fel", "2 fel"). */
#define P_(one, many, n) dngettext(SG_TEXTDOMAIN, one, many, (unsigned long)(n))

/* Once, at the start of main (before any thread or chdir): LC_MESSAGES from the
 * environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) and nothing else, so numbers,
 * ctype and collation stay as the code expects ("C"); the catalogue from
 * $SOFGEN_LOCALEDIR, else the build tree's (build/release/locale for build/release/sofgen
 * and for the copy ./sofgen), else the LOCALEDIR sofgen was built with (make install puts
 * it there); output always in UTF-8. A language named in the
 * environment whose locale the machine does not have (LANG=sv_SE.UTF-8 without
 * sv_SE generated) is still honoured, through LANGUAGE and the C.UTF-8 locale, and so is
 * LANGUAGE alone when no locale variable is set; LC_ALL=C (or LC_MESSAGES=C, LANG=C)
 * gives the English of the code, whatever LANGUAGE says, as POSIX wants. */
void sg_i18n_init(void);

/* When the environment names no language (LANGUAGE, LC_ALL, LC_MESSAGES and LANG unset,
 * empty, C or POSIX), messages are given in `lang` (e.g. the site's "sv") from now on:
 * `sofgen serve` speaks the site's language. Changes the process environment
 * (LANGUAGE), so call it before any thread starts. true when it did. */
bool sg_i18n_default_language(const char *lang);

#endif
