/*
 * replay_main.c: feed every file of the given corpus directories to a fuzz
 * target's LLVMFuzzerTestOneInput(), so `make check` replays the corpora
 * with gcc and no libFuzzer. Prints one TAP line per directory.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *p;
	long n;

	if (f == NULL)
		return 0;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (p = malloc((size_t)n + 1)) == NULL) {
		fclose(f);
		return 0;
	}
	if (fread(p, 1, (size_t)n, f) != (size_t)n) {
		free(p);
		fclose(f);
		return 0;
	}
	fclose(f);
	/* An exact-size copy, so ASan sees a read past the end. */
	{
		uint8_t *exact = malloc(n > 0 ? (size_t)n : 1);
		if (exact == NULL) {
			free(p);
			return 0;
		}
		memcpy(exact, p, (size_t)n);
		LLVMFuzzerTestOneInput(exact, (size_t)n);
		free(exact);
	}
	free(p);
	return 1;
}

int
main(int argc, char **argv)
{
	int failed = 0;

	/* The TAP plan first: a replay that crashes part way prints fewer
	 * lines than planned, which tests/run.sh counts as a failure. */
	printf("1..%d\n", argc > 1 ? argc - 1 : 0);
	fflush(stdout);
	for (int i = 1; i < argc; i++) {
		DIR *d = opendir(argv[i]);
		struct dirent *de;
		size_t count = 0, bad = 0;

		if (d == NULL) {
			printf("not ok - replay %s: cannot open\n", argv[i]);
			failed = 1;
			continue;
		}
		while ((de = readdir(d)) != NULL) {
			char path[4096];
			struct stat st;

			if (de->d_name[0] == '.')
				continue;
			snprintf(
			    path, sizeof(path), "%s/%s", argv[i], de->d_name);
			if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
				continue;
			if (replay_file(path))
				count++;
			else
				bad++;
		}
		closedir(d);
		if (count == 0 || bad > 0) {
			printf(
			    "not ok - replay %s: %zu inputs, %zu unreadable\n",
			    argv[i], count, bad);
			failed = 1;
		} else
			printf("ok - replay %s: %zu inputs\n", argv[i], count);
	}
	return failed;
}
