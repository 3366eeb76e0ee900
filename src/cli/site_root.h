/* site_root.h — the site folder and the installed share folder, for the commands. */
#ifndef SG_SITE_ROOT_H
#define SG_SITE_ROOT_H

/* The folder of the installed default templates/ and assets/: $SOFGEN_DATADIR when set,
 * else the DATADIR sofgen was built with (e.g. /usr/share/sofgen). Not freed. */
const char *sg_datadir(void);
/* sg_datadir()/name, e.g. the installed "templates" (malloc'd). */
char *sg_datadir_path(const char *name);

/* When argv does not name --content and the current folder holds no content/site.yaml,
 * looks for it in the parent folders and, when found, makes that folder the current one
 * and sets *moved_to to its path (malloc'd; the caller frees it). Returns 0, or -1 after
 * a message when the folder cannot be entered. */
int sg_find_site_root(int argc, char **argv, char **moved_to);

#endif
