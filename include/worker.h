/*
 * worker.h: one worker process of the pool.
 *
 * Start-up: load the views (a broken template stops the worker with file
 * and line), open the database connection and prepare every statement
 * (schema drift stops it too; an unreachable database does not), drop
 * privileges when started as root, then accept FastCGI requests until told
 * to stop, until the queue is drained (shutdown) or until conf max_requests
 * have been served.
 */
#ifndef WORKER_H
#define WORKER_H

struct conf;

/* Exit codes, read by the master. */
#define WORKER_EXIT_OK     0  /* stopped or recycled: replace without delay */
#define WORKER_EXIT_CONFIG 78 /* views, conf or schema broken: back off */
#define WORKER_EXIT_FAILED 75 /* accept failed (EMFILE?): back off */

/* What a worker reports to the master on its report pipe, one byte each:
 * ready once start-up succeeded, served after its first request has been
 * answered. A worker that dies without having sent WORKER_SERVED counts as
 * a start-up failure (the master backs off); one that served does not. */
#define WORKER_READY  'R'
#define WORKER_SERVED 'S'

/* Run the worker on the listening socket listen_fd. When report_fd >= 0,
 * WORKER_READY and then WORKER_SERVED are written to it, and it is closed.
 * SIGTERM: finish the request in flight, then stop. SIGUSR1 (the master
 * shutting down): serve what is already queued on the socket too, then
 * stop. Returns a WORKER_EXIT_* code for _exit(). */
int worker_run(const struct conf *, int listen_fd, int report_fd);

#endif /* !WORKER_H */
