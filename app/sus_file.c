/* sus_file.c: a file that appears whole or not at all; see
 * include/sus_file.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "sus_file.h"

enum app_err
sus_file_open(struct sus_file *f, const char *dir)
{
	memset(f, 0, sizeof(*f));
	f->fd = -1;
	(void)mkdir(dir, 0700); /* one level, if missing */
	f->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (f->fd >= 0)
		return APP_OK;
	if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
		return APP_EIO;
	/* No O_TMPFILE here: a hidden name, removed on failure. */
	if (snprintf(f->tmp, sizeof(f->tmp), "%s/.sus-XXXXXX.tmp", dir) >=
	    (int)sizeof(f->tmp))
		return APP_EIO;
	if ((f->fd = mkostemps(f->tmp, 4, O_CLOEXEC)) < 0)
		return APP_EIO;
	f->named = 1;
	return APP_OK;
}

/* Make a rename in path's directory durable. */
static enum app_err
sus_fsync_dir(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int fd, rc;

	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == path)
		snprintf(dir, sizeof(dir), "/");
	else if (snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path),
	             path) >= (int)sizeof(dir))
		return APP_EIO;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return APP_EIO;
	rc = fsync(fd);
	(void)close(fd);
	return rc == 0 ? APP_OK : APP_EIO;
}

enum app_err
sus_file_commit(struct sus_file *f, const char *path)
{
	char src[64], tmp[PATH_MAX + 32];
	unsigned char rnd[8];
	char hex[17];

	if (f->fd < 0 || fsync(f->fd) != 0)
		return APP_EIO;
	if (f->named) {
		if (rename(f->tmp, path) != 0)
			return APP_EIO;
		f->named = 0;
		return sus_fsync_dir(path);
	}
	/* Give the unnamed file a hidden name beside path, then rename it
	 * over path: readers see the old file or the whole new one. */
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	snprintf(src, sizeof(src), "/proc/self/fd/%d", f->fd);
	if (snprintf(tmp, sizeof(tmp), "%s.%s.tmp", path, hex) >=
	    (int)sizeof(tmp))
		return APP_EIO;
	if (linkat(AT_FDCWD, src, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) != 0)
		return APP_EIO;
	if (rename(tmp, path) != 0) {
		(void)unlink(tmp);
		return APP_EIO;
	}
	return sus_fsync_dir(path);
}

void
sus_file_close(struct sus_file *f)
{
	if (f->fd >= 0)
		(void)close(f->fd);
	f->fd = -1;
	if (f->named)
		(void)unlink(f->tmp);
	f->named = 0;
}
