/* master.c: the pre-forking supervisor; see include/master.h. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "conf.h"
#include "log.h"
#include "master.h"
#include "view.h"
#include "worker.h"

#define MASTER_MAX_WORKERS    256
#define MASTER_BACKOFF_MIN_MS 100
#define MASTER_BACKOFF_MAX_MS 10000
#define MASTER_EARLY_DEATH_MS                                                  \
	5000 /* a worker dying sooner counts as a failure */
#define MASTER_READY_WAIT_MS                                                   \
	15000 /* how long a reload waits for a new worker */
#define MASTER_DRAIN_MS                                                        \
	30000 /* how long SIGTERM waits for requests in flight */

struct slot {
	pid_t pid;         /* 0: empty */
	long long started; /* ms, monotonic */
};

static volatile sig_atomic_t master_got_term, master_got_hup;
static int master_pipe[2] = { -1, -1 }; /* self-pipe: signals wake poll() */

static struct conf master_conf;
static const char *master_conf_path;
static char *master_socket; /* bound at start; a reload keeps it */
static int master_listen_fd = -1;
static struct slot slots[MASTER_MAX_WORKERS];
static size_t nslots;
static struct slot retiring[MASTER_MAX_WORKERS * 2]; /* replaced, draining */
static unsigned failures;    /* consecutive early deaths */
static long long next_spawn; /* ms: no fork before this (back-off) */

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
master_on_signal(int sig)
{
	int saved = errno;

	if (sig == SIGHUP)
		master_got_hup = 1;
	else if (sig == SIGTERM || sig == SIGINT)
		master_got_term = 1;
	(void)!write(master_pipe[1], "s", 1);
	errno = saved;
}

static int
master_signals(void)
{
	struct sigaction sa;

	if (pipe2(master_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
		return 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = master_on_signal;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	return 1;
}

/* Number of workers the conf asks for: 0 means two per online CPU. */
static size_t
master_worker_count(const struct conf *c)
{
	long n = c->workers;

	if (n <= 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		n = 2 * (cpus > 0 ? cpus : 1);
	}
	return n > MASTER_MAX_WORKERS ? MASTER_MAX_WORKERS : (size_t)n;
}

/*
 * Fork one worker. With ready_rd non-NULL, the read end of a pipe the worker
 * writes one byte to once it can serve; otherwise nobody waits.
 */
static pid_t
master_fork_worker(int *ready_rd)
{
	int p[2];
	pid_t pid;

	sigset_t all, saved;

	if (pipe2(p, O_CLOEXEC) != 0)
		return -1;
	/* No signal may reach the child before it has its own handlers
	 * (worker_run installs them and unblocks): a SIGTERM sent right
	 * after the fork then waits for the worker instead of being lost. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &saved);
	if ((pid = fork()) < 0) {
		sigprocmask(SIG_SETMASK, &saved, NULL);
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		close(master_pipe[0]);
		close(master_pipe[1]);
		_exit(worker_run(&master_conf, master_listen_fd, p[1]));
	}
	sigprocmask(SIG_SETMASK, &saved, NULL);
	close(p[1]);
	if (ready_rd != NULL)
		*ready_rd = p[0];
	else
		close(p[0]);
	return pid;
}

#define NRETIRING (sizeof(retiring) / sizeof(retiring[0]))

static int
master_is_retiring(pid_t pid, int remove)
{
	for (size_t i = 0; i < NRETIRING; i++)
		if (retiring[i].pid == pid) {
			if (remove)
				retiring[i].pid = 0;
			return 1;
		}
	return 0;
}

/* Ask a replaced worker to finish its request and go. */
static void
master_retire(pid_t pid)
{
	for (size_t i = 0; i < NRETIRING; i++)
		if (retiring[i].pid == 0) {
			retiring[i].pid = pid;
			retiring[i].started = now_ms();
			break;
		}
	kill(pid, SIGTERM);
}

/* A replaced worker still there after the drain time hangs: kill it. */
static void
master_kill_stuck_retirees(void)
{
	for (size_t i = 0; i < NRETIRING; i++)
		if (retiring[i].pid != 0 &&
		    now_ms() - retiring[i].started > MASTER_DRAIN_MS) {
			log_warn("worker %ld did not stop in %d ms: killing",
			    (long)retiring[i].pid, MASTER_DRAIN_MS);
			kill(retiring[i].pid, SIGKILL);
			retiring[i].started =
			    now_ms(); /* once per drain time */
		}
}

/* Collect dead children, empty their slots and update the back-off. */
static void
master_reap(void)
{
	pid_t pid;
	int st;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		if (master_is_retiring(pid, 1))
			continue;
		for (size_t i = 0; i < nslots; i++) {
			long long lived;
			int clean;

			if (slots[i].pid != pid)
				continue;
			lived = now_ms() - slots[i].started;
			clean =
			    WIFEXITED(st) && WEXITSTATUS(st) == WORKER_EXIT_OK;
			slots[i].pid = 0;
			if (clean) {
				failures = 0; /* recycled after max_requests */
				break;
			}
			if (WIFSIGNALED(st))
				log_warn("worker %ld killed by signal %d",
				    (long)pid, WTERMSIG(st));
			else
				log_warn("worker %ld exited with %d", (long)pid,
				    WEXITSTATUS(st));
			if (lived < MASTER_EARLY_DEATH_MS) {
				long long d = MASTER_BACKOFF_MIN_MS;
				for (unsigned k = 0;
				     k < failures && d < MASTER_BACKOFF_MAX_MS;
				     k++)
					d *= 2;
				if (d > MASTER_BACKOFF_MAX_MS)
					d = MASTER_BACKOFF_MAX_MS;
				failures++;
				next_spawn = now_ms() + d;
				log_warn(
				    "worker died early; next start in %lld ms",
				    d);
			} else
				failures = 0;
			break;
		}
	}
}

/* Fill empty slots, unless backing off after early deaths. */
static void
master_spawn_missing(void)
{
	for (size_t i = 0; i < nslots; i++) {
		pid_t pid;

		if (slots[i].pid != 0)
			continue;
		if (now_ms() < next_spawn)
			return;
		if ((pid = master_fork_worker(NULL)) < 0) {
			log_error("fork: %s", strerror(errno));
			next_spawn = now_ms() + MASTER_BACKOFF_MAX_MS;
			return;
		}
		slots[i].pid = pid;
		slots[i].started = now_ms();
		if (failures > 0)
			return; /* after a failure, one at a time */
	}
}

/* Wait until the worker says it is ready (1) or dies or times out (0). */
static int
master_wait_ready(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	long long deadline = now_ms() + MASTER_READY_WAIT_MS;
	char c;

	for (;;) {
		long long left = deadline - now_ms();
		int n;

		if (left <= 0)
			return 0;
		n = poll(&pfd, 1, (int)left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		return read(fd, &c, 1) == 1;
	}
}

/*
 * SIGHUP: new conf and views, then workers replaced one at a time. The old
 * worker is told to stop only after its replacement is accepting, and it
 * finishes its request in flight first.
 */
static void
master_reload(void)
{
	struct conf next, old;
	struct view_set *vs = NULL;
	int have_old = 1;
	char err[512];
	size_t want;

	conf_defaults(&next);
	if (conf_load(&next, master_conf_path, err, sizeof(err)) != APP_OK) {
		log_error("reload aborted: %s", err);
		conf_free(&next);
		return;
	}
	if (view_set_load(next.views, &vs, err, sizeof(err)) != APP_OK) {
		log_error("reload aborted: views: %s", err);
		conf_free(&next);
		return;
	}
	view_set_free(vs);
	if (strcmp(next.socket, master_socket) != 0)
		log_warn(
		    "reload: a new socket path needs a restart; keeping %s",
		    master_socket);
	/* Workers fork with master_conf; the old one is kept until a worker
	 * has proven the new one, and comes back if none can. */
	old = master_conf;
	master_conf = next;

	for (size_t i = 0; i < nslots; i++) {
		int rd = -1;
		pid_t pid;

		if (slots[i].pid == 0)
			continue;
		if ((pid = master_fork_worker(&rd)) < 0 ||
		    !master_wait_ready(rd)) {
			if (pid > 0) {
				close(rd);
				kill(pid, SIGKILL);
				waitpid(pid, NULL, 0);
			}
			log_error("reload aborted: a worker with the new "
			          "configuration did not start");
			if (have_old) {
				conf_free(&master_conf);
				master_conf = old;
			}
			return;
		}
		close(rd);
		if (have_old) {
			conf_free(&old);
			have_old = 0;
		}
		master_retire(slots[i].pid);
		slots[i].pid = pid;
		slots[i].started = now_ms();
	}
	if (have_old)
		conf_free(&old); /* no worker to replace: the new conf stands */
	want = master_worker_count(&master_conf);
	for (size_t i = want; i < nslots; i++)
		if (slots[i].pid != 0) {
			master_retire(slots[i].pid);
			slots[i].pid = 0;
		}
	nslots = want;
	log_info("reloaded: %zu workers", nslots);
}

/* SIGTERM every worker, wait for requests in flight, then SIGKILL. */
static void
master_shutdown(void)
{
	long long deadline = now_ms() + MASTER_DRAIN_MS;
	int st;

	for (size_t i = 0; i < nslots; i++)
		if (slots[i].pid != 0)
			kill(slots[i].pid, SIGTERM);
	for (size_t i = 0; i < NRETIRING; i++)
		if (retiring[i].pid != 0)
			kill(retiring[i].pid, SIGTERM);
	while (now_ms() < deadline) {
		pid_t pid = waitpid(-1, &st, WNOHANG);
		if (pid < 0 && errno == ECHILD)
			return;
		if (pid <= 0)
			usleep(20000);
	}
	log_warn("workers still busy after %d ms: killing", MASTER_DRAIN_MS);
	for (size_t i = 0; i < nslots; i++)
		if (slots[i].pid != 0)
			kill(slots[i].pid, SIGKILL);
	for (size_t i = 0; i < NRETIRING; i++)
		if (retiring[i].pid != 0)
			kill(retiring[i].pid, SIGKILL);
	while (waitpid(-1, &st, 0) > 0)
		;
}

static int
master_bind(const struct conf *c)
{
	struct passwd *pw;
	int fd;

	unlink(c->socket); /* a stale socket from a crash */
	if ((fd = FCGX_OpenSocket(c->socket, 128)) < 0)
		return -1;
	/* nginx reaches the socket through its group; nobody else may. */
	chmod(c->socket, 0660);
	if (geteuid() == 0 && c->user[0] != '\0' &&
	    (pw = getpwnam(c->user)) != NULL)
		(void)!chown(c->socket, pw->pw_uid, pw->pw_gid);
	return fd;
}

static int
master_write_pid(const char *path)
{
	FILE *f;

	if (path == NULL)
		return 1;
	if ((f = fopen(path, "w")) == NULL)
		return 0;
	fprintf(f, "%ld\n", (long)getpid());
	return fclose(f) == 0;
}

int
master_run(const char *conf_path, const char *pid_file)
{
	struct view_set *vs = NULL;
	char err[512];

	master_conf_path = conf_path;
	conf_defaults(&master_conf);
	if (conf_load(&master_conf, conf_path, err, sizeof(err)) != APP_OK) {
		log_error("%s", err);
		return 1;
	}
	if ((master_socket = strdup(master_conf.socket)) == NULL)
		return 1;
	/* A broken template stops the start, with file and line. */
	if (view_set_load(master_conf.views, &vs, err, sizeof(err)) != APP_OK) {
		log_error("views: %s", err);
		return 1;
	}
	view_set_free(vs);
	if (FCGX_Init() != 0 ||
	    (master_listen_fd = master_bind(&master_conf)) < 0) {
		log_error("cannot listen on %s: %s", master_conf.socket,
		    strerror(errno));
		return 1;
	}
	if (!master_signals() || !master_write_pid(pid_file)) {
		log_error("start-up failed: %s", strerror(errno));
		return 1;
	}
	nslots = master_worker_count(&master_conf);
	log_info("listening on %s with %zu workers", master_socket, nslots);

	while (!master_got_term) {
		struct pollfd pfd = { .fd = master_pipe[0], .events = POLLIN };
		long long wait = 1000;
		char drain[64];

		master_reap();
		master_kill_stuck_retirees();
		if (master_got_hup) {
			master_got_hup = 0;
			master_reload();
			continue;
		}
		master_spawn_missing();
		if (next_spawn > now_ms() && next_spawn - now_ms() < wait)
			wait = next_spawn - now_ms();
		if (poll(&pfd, 1, (int)wait) > 0)
			while (read(master_pipe[0], drain, sizeof(drain)) > 0)
				;
	}
	log_info("stopping: waiting for requests in flight");
	master_shutdown();
	unlink(master_socket);
	free(master_socket);
	if (pid_file != NULL)
		unlink(pid_file);
	conf_free(&master_conf);
	return 0;
}
