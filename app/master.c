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
#include "db.h"
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
/* Connections the kernel queues for the workers. A burst larger than the
 * pool waits here rather than failing; with no worker at all the master
 * answers what is queued itself (master_answer_503), so nothing waits for
 * nginx's time-out. Linux caps it at net.core.somaxconn. */
#define MASTER_BACKLOG 128

struct slot {
	pid_t pid;         /* 0: empty */
	long long started; /* ms, monotonic */
	int report;        /* read end of the worker's report pipe, or -1 */
	int ready, served; /* WORKER_READY / WORKER_SERVED seen */
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
static unsigned failures;    /* consecutive start-up failures */
static long long next_spawn; /* ms: no fork beyond the floor before this */
/* Workers get as far as ready: none has died before that since one did. */
static int starts_ok;
static char page_503[8192]; /* views/static/errors/503.html */
static size_t page_503_len;

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
 * Fork one worker. *report_rd: the read end of the pipe it reports on
 * (WORKER_READY, WORKER_SERVED), non-blocking.
 */
static pid_t
master_fork_worker(int *report_rd)
{
	int p[2];
	pid_t pid;

	sigset_t all, saved;

	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) != 0)
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
		for (size_t i = 0; i < nslots; i++)
			if (slots[i].report >= 0)
				close(slots[i].report);
		_exit(worker_run(&master_conf, master_listen_fd, p[1]));
	}
	sigprocmask(SIG_SETMASK, &saved, NULL);
	close(p[1]);
	*report_rd = p[0];
	return pid;
}

/* Put worker pid, reporting on fd, into slot s. */
static void
master_fill(struct slot *s, pid_t pid, int fd, int ready)
{
	s->pid = pid;
	s->started = now_ms();
	s->report = fd;
	s->ready = ready;
	s->served = 0;
}

/*
 * Read what the slot's worker has reported; the pipe is closed at its end
 * (the worker closes it after WORKER_SERVED) or when done. A worker that
 * can start makes the floor safe to keep; one that has served proves the
 * configuration, which ends any back-off at once.
 */
static void
master_read_report(struct slot *s, int done)
{
	char b[8];
	ssize_t n = 0;

	while (s->report >= 0 && (n = read(s->report, b, sizeof(b))) > 0)
		for (ssize_t k = 0; k < n; k++) {
			if (b[k] == WORKER_READY && !s->ready) {
				s->ready = 1;
				starts_ok = 1;
			}
			if (b[k] == WORKER_SERVED && !s->served) {
				s->served = 1;
				failures = 0;
				next_spawn = 0;
			}
		}
	if (s->report >= 0 && (done || n == 0)) {
		close(s->report);
		s->report = -1;
	}
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

/*
 * Collect dead children, empty their slots and update the back-off. Only a
 * worker that died soon after its start without having served a request
 * is a start-up failure: one killed after serving proves nothing is wrong
 * with the configuration, however young it was.
 */
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
			/* What it wrote before dying is still in the pipe. */
			master_read_report(&slots[i], 1);
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
			if (!slots[i].served && lived < MASTER_EARLY_DEATH_MS) {
				long long d = MASTER_BACKOFF_MIN_MS;
				for (unsigned k = 0;
				     k < failures && d < MASTER_BACKOFF_MAX_MS;
				     k++)
					d *= 2;
				if (d > MASTER_BACKOFF_MAX_MS)
					d = MASTER_BACKOFF_MAX_MS;
				failures++;
				next_spawn = now_ms() + d;
				if (!slots[i].ready)
					starts_ok = 0; /* it could not start */
				log_warn(
				    "worker died before serving a request; "
				    "next start in %lld ms",
				    d);
			} else
				failures = 0;
			break;
		}
	}
}

/* The workers kept alive while backing off: half the pool, at least 1. */
static size_t
master_floor(void)
{
	return nslots / 2 > 0 ? nslots / 2 : 1;
}

/*
 * Fill empty slots. While backing off after start-up failures, only up to
 * the floor, and only while workers do get as far as ready (those that
 * failed were killed before their first request was answered): after a
 * worker that could not start at all, every start waits for the back-off,
 * so a broken configuration never becomes a fork storm.
 */
static void
master_spawn_missing(void)
{
	size_t live = 0;

	for (size_t i = 0; i < nslots; i++)
		live += slots[i].pid != 0;
	for (size_t i = 0; i < nslots; i++) {
		int backing_off = now_ms() < next_spawn, rd;
		pid_t pid;

		if (slots[i].pid != 0)
			continue;
		if (backing_off && (live >= master_floor() || !starts_ok))
			return;
		if ((pid = master_fork_worker(&rd)) < 0) {
			log_error("fork: %s", strerror(errno));
			next_spawn = now_ms() + MASTER_BACKOFF_MAX_MS;
			starts_ok = 0;
			return;
		}
		master_fill(&slots[i], pid, rd, 0);
		live++;
		if (failures > 0 && !backing_off)
			return; /* after a failure, one at a time */
	}
}

/* No worker process at all (none serving, starting or retiring). */
static int
master_no_workers(void)
{
	for (size_t i = 0; i < nslots; i++)
		if (slots[i].pid != 0)
			return 0;
	for (size_t i = 0; i < NRETIRING; i++)
		if (retiring[i].pid != 0)
			return 0;
	return 1;
}

/* The Swedish 503 page nginx shows for a stopped stegvis, for the master's
 * own answers; a line of text if it cannot be read. */
static void
master_load_503(const char *views)
{
	static const char fallback[] =
	    "<!doctype html><html lang=\"sv\"><title>Stegvis</title>"
	    "<h1>Tjänsten är tillfälligt otillgänglig</h1></html>\n";
	char path[4096];
	FILE *f;

	page_503_len = 0;
	snprintf(path, sizeof(path), "%s/static/errors/503.html", views);
	if ((f = fopen(path, "r")) != NULL) {
		page_503_len = fread(page_503, 1, sizeof(page_503), f);
		fclose(f);
	}
	if (page_503_len == 0 || page_503_len == sizeof(page_503)) {
		memcpy(page_503, fallback, sizeof(fallback) - 1);
		page_503_len = sizeof(fallback) - 1;
	}
}

/*
 * No worker can take what reaches the socket (every one failed to start and
 * the master is backing off): answer one queued request with a 503 at once,
 * instead of leaving it for nginx's 60 s time-out. Called only with no
 * worker process alive, so nobody else accepts; the socket is non-blocking
 * meanwhile, so a connection that went away never makes the master wait.
 * Returns 1 when a request was answered.
 */
static int
master_answer_503(void)
{
	static FCGX_Request req;
	static int init;
	static const char head[] = "Status: 503 Service Unavailable\r\n"
	                           "Content-Type: text/html; charset=utf-8\r\n"
	                           "Cache-Control: no-store\r\n"
	                           "Retry-After: 10\r\n\r\n";
	char sink[4096];
	int fl, rc;

	if (!init && FCGX_InitRequest(&req, master_listen_fd, 0) != 0)
		return 0;
	init = 1;
	if ((fl = fcntl(master_listen_fd, F_GETFL)) < 0 ||
	    fcntl(master_listen_fd, F_SETFL, fl | O_NONBLOCK) != 0)
		return 0;
	rc = FCGX_Accept_r(&req);
	fcntl(master_listen_fd, F_SETFL, fl);
	if (rc < 0)
		return 0;
	while (FCGX_GetStr(sink, sizeof(sink), req.in) > 0)
		;
	FCGX_PutStr(head, (int)sizeof(head) - 1, req.out);
	FCGX_PutStr(page_503, (int)page_503_len, req.out);
	FCGX_Finish_r(&req);
	return 1;
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
		return read(fd, &c, 1) == 1 && c == WORKER_READY;
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
	/* The schema may have moved on (a migration before the reload). */
	db_check_statements(&master_conf);

	for (size_t i = 0; i < nslots; i++) {
		int rd = -1;
		pid_t pid;

		if (slots[i].pid == 0)
			continue;
		if ((pid = master_fork_worker(&rd)) < 0 ||
		    !master_wait_ready(rd)) {
			if (pid >= 0) {
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
		if (have_old) {
			conf_free(&old);
			have_old = 0;
		}
		master_retire(slots[i].pid);
		master_read_report(&slots[i], 1);
		master_fill(&slots[i], pid, rd, 1);
		starts_ok = 1;
	}
	if (have_old)
		conf_free(&old); /* no worker to replace: the new conf stands */
	want = master_worker_count(&master_conf);
	for (size_t i = want; i < nslots; i++)
		if (slots[i].pid != 0) {
			master_retire(slots[i].pid);
			master_read_report(&slots[i], 1);
			slots[i].pid = 0;
		}
	nslots = want;
	master_load_503(master_conf.views);
	log_info("reloaded: %zu workers", nslots);
}

/*
 * Stop taking connections and drain: the socket path goes first, so
 * nginx's next connect fails at once (its 503) instead of queueing; what
 * is already queued or in flight is served by the workers (SIGUSR1), which
 * then exit; a worker still busy after the drain time is killed.
 */
static void
master_shutdown(void)
{
	long long deadline = now_ms() + MASTER_DRAIN_MS;
	struct pollfd pfd = { .fd = master_listen_fd, .events = POLLIN };
	int st;

	unlink(master_socket);
	/* Nobody to drain the queue: answer it here. */
	while (
	    master_no_workers() && poll(&pfd, 1, 0) > 0 && master_answer_503())
		;
	close(master_listen_fd);
	master_listen_fd = -1;
	for (size_t i = 0; i < nslots; i++)
		if (slots[i].pid != 0)
			kill(slots[i].pid, SIGUSR1);
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
	if ((fd = FCGX_OpenSocket(c->socket, MASTER_BACKLOG)) < 0)
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
	/* The client library (and the TLS library it starts) once, here:
	 * every forked worker shares those pages instead of making its own
	 * copy, about 2.5 MB less in each. */
	db_library_init();
	db_check_statements(&master_conf);
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
	for (size_t i = 0; i < MASTER_MAX_WORKERS; i++)
		slots[i].report = -1;
	master_load_503(master_conf.views);
	log_info("listening on %s with %zu workers", master_socket, nslots);

	while (!master_got_term) {
		/* The self-pipe, the workers' report pipes and, with no worker
		 * at all, the socket: its queue is then the master's to answer. */
		struct pollfd pfd[MASTER_MAX_WORKERS + 2];
		struct slot *of[MASTER_MAX_WORKERS + 2];
		long long wait = 1000;
		char drain[64];
		nfds_t npfd = 0;
		int listening;

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
		pfd[npfd++] = (struct pollfd){ master_pipe[0], POLLIN, 0 };
		if ((listening = master_no_workers()))
			pfd[npfd++] =
			    (struct pollfd){ master_listen_fd, POLLIN, 0 };
		for (size_t i = 0; i < nslots; i++)
			if (slots[i].report >= 0) {
				of[npfd] = &slots[i];
				pfd[npfd++] = (struct pollfd){ slots[i].report,
					POLLIN, 0 };
			}
		if (poll(pfd, npfd, (int)wait) <= 0)
			continue;
		while (read(master_pipe[0], drain, sizeof(drain)) > 0)
			;
		if (listening && (pfd[1].revents & POLLIN))
			master_answer_503();
		for (nfds_t k = 1 + (nfds_t)listening; k < npfd; k++)
			if (pfd[k].revents != 0)
				master_read_report(of[k], 0);
	}
	log_info("stopping: waiting for requests in flight");
	master_shutdown();
	free(master_socket);
	if (pid_file != NULL)
		unlink(pid_file);
	conf_free(&master_conf);
	return 0;
}
