/*
 * sus_file.h: a file that appears whole or not at all, for the SUS export's
 * documents (sus_batch.h writes into one; the command line commits it).
 */
#ifndef SUS_FILE_H
#define SUS_FILE_H

#include <limits.h>

#include "app.h"

/*
 * A file that appears whole or not at all. sus_file_open() makes an
 * unnamed file in dir (O_TMPFILE: a crash leaves nothing; where the file
 * system lacks it, a hidden ".sus-*.tmp" removed on failure).
 * sus_file_commit() syncs it, renames it over path (same file
 * system: dir must be path's directory) and syncs the directory. sus_file_close() closes, and
 * removes the file if it was never committed.
 */
struct sus_file {
	int fd;
	int named; /* the fallback: tmp is a name on disk */
	char tmp[PATH_MAX];
};
enum app_err sus_file_open(struct sus_file *, const char *dir);
enum app_err sus_file_commit(struct sus_file *, const char *path);
void sus_file_close(struct sus_file *);

#endif /* !SUS_FILE_H */
