/* fs.h — the file-system operations sofgen needs: whole-file reads and writes, sorted
 * directory listings, recursive mkdir and remove, opening below a folder. Errors are
 * returned (with errno set), never printed. */
#ifndef SG_FS_H
#define SG_FS_H
#include <stdbool.h>
#include <stddef.h>

/* Reads a whole file into a NUL-terminated malloc'd buffer (*len without the NUL).
 * Returns NULL and sets errno on failure. Refuses files over max_bytes (EFBIG). Only a
 * regular file is read; it is opened without blocking, so a named pipe never hangs the
 * read (anything else: NULL with errno EISDIR for a folder, EINVAL otherwise). */
char *sg_read_file(const char *path, size_t *len, size_t max_bytes);
/* The same, with more open flags (O_NOFOLLOW: a symbolic link is refused too). When the
 * path is there but no regular file, *kind (when kind is not NULL) says what it is, for
 * messages ("a named pipe (FIFO)", "a symbolic link" …); else *kind is NULL. */
char *sg_read_regular(const char *path, size_t *len, size_t max_bytes, int flags, const char **kind);
/* What a file of this st_mode is, for messages: "a folder", "a named pipe (FIFO)", "a
 * socket", "a device", "a symbolic link"; NULL for a regular file. */
const char *sg_mode_kind(unsigned mode);
/* Writes data to path (created or truncated). Returns 0, or -1 with errno. */
int sg_write_file(const char *path, const void *data, size_t len);
/* Like sg_write_file, but never writes into a file that is already at path: that one
 * is unlinked and a new file made (it may be a hard link that another folder shares). */
int sg_write_new_file(const char *path, const void *data, size_t len);
/* Opens rel below dirfd and never outside it: openat2 with RESOLVE_BENEATH refuses
 * `..`, absolute paths and symbolic links; where the kernel lacks it (before 5.6, or a
 * sandbox that forbids it), openat with O_NOFOLLOW (the last part is then no symbolic
 * link; callers check the path beforehand). Returns the fd, or -1 with errno. */
/* Is fd a regular file holding exactly data (read from its current offset)? */
bool sg_fd_holds(int fd, const void *data, size_t len);
int sg_open_beneath(int dirfd, const char *rel, int flags);
/* Names in dir (no . and ..), sorted bytewise; *count set. NULL on failure.
 * Free with sg_free_names. */
char **sg_list_dir(const char *dir, size_t *count);
void sg_free_names(char **names, size_t count);
bool sg_is_dir(const char *path);
bool sg_is_file(const char *path);
bool sg_exists(const char *path);
/* mkdir -p. Returns 0, or -1 with errno. */
int sg_mkdirs(const char *path);
/* rm -r (does not follow symlinks). Returns 0, or -1 with errno. */
int sg_remove_tree(const char *path);
/* rm -r without allocating any memory (for when it has run out; see sg_out_of_memory):
 * the folder at path, with `last` (a name in it, or NULL) removed after everything else.
 * Files that another thread adds meanwhile are removed too, as long as it adds them
 * below path through a folder that still exists. Returns 0, or -1 with errno. */
int sg_remove_tree_noalloc(const char *path, const char *last);
/* The absolute path path names, with no '.', '..' or symbolic link in it, also when
 * (the end of) it does not exist yet: the part that exists is resolved by realpath,
 * the rest as written (malloc'd; NULL when the current folder cannot be found). */
char *sg_path_resolve(const char *path);
/* Is path inside dir, or dir itself (both as sg_path_resolve gives them)? */
bool sg_path_within(const char *path, const char *dir);
/* "a/b" + "c" → "a/b/c" (malloc'd). */
char *sg_path_join(const char *a, const char *b);

#endif
