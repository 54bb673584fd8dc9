/* worker.c: start-up and the accept loop of one worker; see include/worker.h. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <malloc.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "app_limits.h"
#include "arena.h"
#include "auth.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "req.h"
#include "route.h"
#include "totp.h"
#include "view.h"
#include "worker.h"

static volatile sig_atomic_t worker_stop, worker_drain;
static int worker_listen_fd = -1; /* the shared FastCGI socket */
static int worker_devnull = -1;   /* opened at start, for worker_on_term */

/*
 * Stop after the request in flight. Replacing our copy of the listening
 * socket with /dev/null makes a blocked (or about to block) accept() fail
 * at once, so no signal can slip in between the loop's check and accept().
 * dup2() is async-signal-safe; other workers keep their own copy.
 */
static void
worker_on_term(int sig)
{
	int saved = errno;

	(void)sig;
	worker_stop = 1;
	if (worker_listen_fd >= 0 && worker_devnull >= 0)
		(void)dup2(worker_devnull, worker_listen_fd);
	errno = saved;
}

/*
 * The master is shutting down: it no longer takes connections, so serve
 * what is already queued on the socket and stop when none is left. The
 * shared listening socket becomes non-blocking (all workers are draining):
 * an accept() with nothing queued, even one restarted after this handler,
 * fails with EAGAIN instead of waiting. fcntl() is async-signal-safe.
 */
static void
worker_on_drain(int sig)
{
	int saved = errno, fl;

	(void)sig;
	worker_drain = 1;
	if (worker_listen_fd >= 0 &&
	    (fl = fcntl(worker_listen_fd, F_GETFL)) >= 0)
		(void)fcntl(worker_listen_fd, F_SETFL, fl | O_NONBLOCK);
	errno = saved;
}

static void
worker_signals(void)
{
	struct sigaction sa;
	sigset_t none;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = worker_on_term;
	/* SA_RESTART: a response being written is not cut short; accept()
	 * is ended by worker_on_term() instead. */
	sa.sa_flags = SA_RESTART;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = worker_on_drain;
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/*
 * Become conf `user` when started as root, and prove it is irreversible:
 * all ids changed and setuid(0) fails.
 */
static int
worker_drop_privileges(const char *user)
{
	struct passwd *pw;
	uid_t ru, eu, su;
	gid_t rg, eg, sg;

	if (geteuid() != 0 || user == NULL || user[0] == '\0')
		return 1;
	if ((pw = getpwnam(user)) == NULL) {
		log_error("conf user %s: no such user", user);
		return 0;
	}
	if (initgroups(pw->pw_name, pw->pw_gid) != 0 ||
	    setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) != 0 ||
	    setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) != 0) {
		log_error(
		    "dropping privileges to %s: %s", user, strerror(errno));
		return 0;
	}
	if (getresuid(&ru, &eu, &su) != 0 || getresgid(&rg, &eg, &sg) != 0 ||
	    ru != pw->pw_uid || eu != pw->pw_uid || su != pw->pw_uid ||
	    rg != pw->pw_gid || eg != pw->pw_gid || sg != pw->pw_gid ||
	    setuid(0) == 0) {
		log_error("privileges not dropped to %s", user);
		return 0;
	}
	return 1;
}

/*
 * Memory between requests. A worker lives for max_requests requests and
 * should stay small all along (issue 19: at most 10 MB resident), however
 * big the largest request it served: a report or an export can touch
 * megabytes of the arena and of the heap (libmariadb's result rows) for
 * one request, and without this they stay resident until the recycle.
 */
#define WORKER_ARENA_KEEP (256u * 1024u) /* of the arena, kept resident */
#define WORKER_TRIM_EVERY 1000u          /* requests between heap trims */

/* Fixed malloc thresholds: a big block (a result set, a file) is its own
 * mapping, given back on free, and free memory at the top of the heap
 * beyond 128 KB is given back too. glibc's default raises the mmap
 * threshold after each big free, so that later big blocks stay in the
 * heap. One arena: the worker has one thread. */
static void
worker_malloc_setup(void)
{
	(void)mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	(void)mallopt(M_TRIM_THRESHOLD, 128 * 1024);
	(void)mallopt(M_ARENA_MAX, 1);
}

/* After a request: what it touched of the arena beyond the first
 * WORKER_ARENA_KEEP bytes goes back to the system (the arena's bytes are
 * scratch: the next request writes before it reads), and so does free
 * heap memory after such a request or every WORKER_TRIM_EVERY. peak is
 * the request's high-water mark: reset here for the next one. */
static void
worker_give_back(struct arena *a, unsigned long served)
{
	long pg;
	int big = a->peak > WORKER_ARENA_KEEP;

	if (big && (pg = sysconf(_SC_PAGESIZE)) > 0) {
		uintptr_t from = (uintptr_t)a->base + WORKER_ARENA_KEEP;
		uintptr_t to = (uintptr_t)a->base + a->peak;

		from = (from + (uintptr_t)pg - 1) & ~((uintptr_t)pg - 1);
		if (to > from)
			(void)madvise((void *)from, to - from, MADV_DONTNEED);
	}
	a->peak = 0;
	if (big || served % WORKER_TRIM_EVERY == 0)
		(void)malloc_trim(0);
}

/* 1 when the request has no body: no CONTENT_LENGTH, or 0. */
static int
worker_no_body(FCGX_Request *fr)
{
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);

	return cl == NULL || cl[0] == '\0' || strcmp(cl, "0") == 0;
}

/* Read a bodiless request's stdin to its end (the empty record that
 * closes it) before closing without libfcgi's wait: nginx has sent it
 * with the params, so this reads nothing more from the socket, but a
 * client that writes it separately (cgi-fcgi) would otherwise find the
 * connection closed under its write and lose the answer. A client that
 * never sends it holds the worker for at most WORKER_DRAIN_WAIT_S: a
 * read past that fails, which ends the stream, and the answer (held in
 * libfcgi's buffer until the close, one write for nginx) goes out. */
#define WORKER_DRAIN_WAIT_S 1
static void
worker_drain_stdin(FCGX_Request *fr)
{
	char sink[256];
	struct timeval wait = { .tv_sec = WORKER_DRAIN_WAIT_S };

	if (setsockopt(
	        fr->ipcFd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait)) != 0)
		return; /* cannot bound the wait: close without draining */
	while (FCGX_GetStr(sink, (int)sizeof(sink), fr->in) > 0)
		;
}

static const char *
worker_param(void *ctx, const char *name)
{
	return FCGX_GetParam(name, ((FCGX_Request *)ctx)->envp);
}

static long
worker_read(void *ctx, char *dst, size_t n)
{
	int want = n > (size_t)1 << 30 ? 1 << 30 : (int)n;

	return FCGX_GetStr(dst, want, ((FCGX_Request *)ctx)->in);
}

/* resp_put_fn onto the FastCGI stream. */
static int
worker_put(void *out, const char *p, size_t n)
{
	while (n > 0) {
		int k = n > (size_t)1 << 20 ? 1 << 20 : (int)n;

		if (FCGX_PutStr(p, k, (FCGX_Stream *)out) != k)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Serve one accepted request: everything it allocates is in the arena. */
static void
worker_serve(FCGX_Request *fr, struct arena *a, struct db *db,
    const struct view_set *views, const struct conf *c)
{
	struct req r;
	struct buf out;
	static const char fallback[] =
	    "Status: 500 Internal Server Error\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\n\r\n"
	    "Ett internt fel uppstod.\n";

	arena_reset(a);
	memset(&r, 0, sizeof(r));
	r.a = a;
	r.db = db;
	r.views = views;
	r.conf = c;
	r.src = (struct req_source){ worker_param, worker_read, fr };
	log_set_request_id(FCGX_GetParam("REQUEST_ID", fr->envp));
	resp_init(&r.resp, a);
	/* No förbund carried over from the last request (db_scope.h). */
	db_forbund_set(db, 0);

	route_dispatch(&r);
	/* A handler that failed midway must not leave a transaction open
	 * for the next request: nothing of it is applied. */
	db_rollback(db);

	buf_init(&out, a);
	if (resp_serialise_head(&r.resp, &out) != APP_OK) {
		log_error("response did not fit the arena");
		FCGX_PutStr(fallback, (int)sizeof(fallback) - 1, fr->out);
	} else {
		FCGX_PutStr(out.p, (int)out.len, fr->out);
		if (r.resp.stream == NULL && r.resp.body.len > 0)
			FCGX_PutStr(
			    r.resp.body.p, (int)r.resp.body.len, fr->out);
		/* A streamed body: if it fails midway the response is short
		 * of its Content-Length, which every client notices. */
		if (r.resp.stream != NULL &&
		    r.resp.stream(r.resp.stream_ctx, a, worker_put, fr->out) !=
		        APP_OK)
			log_error("streamed response cut short");
	}
	log_set_request_id(NULL);
}

int
worker_run(const struct conf *c, int listen_fd, int report_fd)
{
	struct view_set *views = NULL;
	struct db *db = NULL;
	struct arena a = { 0 };
	FCGX_Request fr;
	char err[512];
	unsigned long served = 0;
	unsigned long toward_recycle = 0;
	struct sockaddr_storage sa;
	socklen_t salen = sizeof(sa);
	int unix_socket;
	int rc = WORKER_EXIT_CONFIG;
	enum app_err e;

	worker_listen_fd = listen_fd;
	worker_malloc_setup();
	unix_socket =
	    getsockname(listen_fd, (struct sockaddr *)&sa, &salen) == 0 &&
	    sa.ss_family == AF_UNIX;
	worker_devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	worker_signals();
	if (!auth_init() || !totp_init()) {
		log_error("libsodium or liboath failed to initialise");
		goto out;
	}
	if (view_set_load(c->views, &views, err, sizeof(err)) != APP_OK) {
		log_error("views: %s", err);
		goto out;
	}
	view_set_strict(views, c->strict_views);
	if ((db = db_open(c, err, sizeof(err))) == NULL) {
		log_error("database: %s", err);
		goto out;
	}
	if (!db_ready(db) && (e = db_connect(db, err, sizeof(err))) != APP_OK) {
		if (e != APP_EUNAVAIL) {
			/* Schema drift: serving would fail on every page. */
			log_error("database: %s", err);
			goto out;
		}
		log_warn(
		    "database unavailable at start, serving 503 until it is back: %s",
		    err);
	}
	/* Checking every statement at connect left free heap behind. */
	(void)malloc_trim(0);
	if (!worker_drop_privileges(c->user))
		goto out;
	if (!arena_init(&a, REQ_ARENA_SIZE)) {
		log_error("cannot allocate the request arena");
		goto out;
	}
	if (FCGX_Init() != 0 ||
	    FCGX_InitRequest(&fr, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		log_error("FastCGI init failed");
		goto out;
	}
	if (report_fd >= 0)
		(void)!write(report_fd, &(char){ WORKER_READY }, 1);
	rc = WORKER_EXIT_OK;
	while (!worker_stop) {
		if (FCGX_Accept_r(&fr) < 0) {
			if (worker_stop || errno == EINTR)
				continue;
			if (worker_drain &&
			    (errno == EAGAIN || errno == EWOULDBLOCK))
				break; /* shutting down, nothing left queued */
			/* Not a clean exit: the master backs off rather than
			 * respawning into the same failure at once. */
			log_error("accept failed: %s", strerror(errno));
			rc = WORKER_EXIT_FAILED;
			break;
		}
		worker_serve(&fr, &a, db, views, c);
		/* A request without a body on a unix socket: once its empty
		 * stdin record is read (nginx sends it with the params), the
		 * client has sent all it will, and what we wrote is delivered
		 * whatever we do next, so close at once instead of libfcgi's
		 * shutdown() and wait (up to 2 s) for nginx to close first,
		 * which kept the worker idle after every answer. A body may
		 * still be on its way (refused unread, a 413): then libfcgi
		 * drains it, or nginx would see its write fail. */
		fr.detached = unix_socket && worker_no_body(&fr);
		if (fr.detached)
			worker_drain_stdin(&fr);
		FCGX_Finish_r(&fr);
		worker_give_back(&a, served + 1);
		if (++served == 1 && report_fd >= 0) {
			/* Proven: a death from now on is no start-up failure. */
			(void)!write(report_fd, &(char){ WORKER_SERVED }, 1);
			close(report_fd);
			report_fd = -1;
		}
		/* Requests answered without a database (a 503 in an outage)
		 * cost next to nothing: counting them would only churn
		 * workers, each starting with its own log burst. */
		if (db_ready(db))
			toward_recycle++;
		if (toward_recycle >= c->max_requests && !worker_drain)
			break; /* recycle: the master starts a fresh worker */
	}
	FCGX_Free(&fr, 0);
out:
	if (report_fd >= 0)
		close(report_fd);
	arena_free(&a);
	db_close(db);
	view_set_free(views);
	return rc;
}
