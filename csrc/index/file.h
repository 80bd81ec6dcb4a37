/* file — the few file-system operations the index needs, each reporting the path on failure. */
#ifndef LEDE_INDEX_FILE_H
#define LEDE_INDEX_FILE_H

#include <stddef.h>
#include "lede.h"

/* Writes len bytes to path (created or truncated) and syncs them to disk. */
lede_status lede_write_file(const char *path, const void *data, size_t len, char *error,
                            size_t errlen);

/* Reads a whole (small) file; *data is malloc'd. */
lede_status lede_read_file(const char *path, unsigned char **data, size_t *len, char *error,
                           size_t errlen);

/* Syncs a directory, so that a rename inside it survives a crash. */
lede_status lede_sync_dir(const char *dir, char *error, size_t errlen);

/* dir + "/" + name, malloc'd (NULL when memory ran out). */
char *lede_path_join(const char *dir, const char *name);

/* Formats an error message with the path and errno's text. */
void lede_io_error(char *error, size_t errlen, const char *what, const char *path);

#endif
