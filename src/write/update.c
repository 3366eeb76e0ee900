/* update.c — rewriting a site's file only when it changes (see update.h). */
#include "update.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/fs.h"

/* Does the regular file at path (not a symbolic link) hold exactly data? */
static bool same_bytes(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	bool same = sg_fd_holds(fd, data, len);
	close(fd);
	return same;
}

int sg_update_file(const char *dir, const char *rel_path, const void *data, size_t len, bool *written, sg_diags *d)
{
	char *path = sg_path_join(dir, rel_path);
	int rc = 0;
	if (written)
		*written = false;
	if (!same_bytes(path, data, len)) {
		char *slash = strrchr(path, '/');
		*slash = '\0';
		rc = sg_mkdirs(path);
		*slash = '/';
		char *tmp = sg_asprintf("%s.sofgen-%ld", path, (long)getpid());
		if (rc == 0)
			rc = sg_write_file(tmp, data, len);
		if (rc == 0)
			rc = rename(tmp, path);
		if (rc != 0) {
			sg_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
			unlink(tmp);
		} else if (written)
			*written = true;
		free(tmp);
	}
	free(path);
	return rc;
}
