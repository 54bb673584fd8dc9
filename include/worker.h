/*
 * worker.h: one worker process of the pool.
 *
 * Start-up: load the views (a broken template stops the worker with file
 * and line), open the database connection and prepare every statement
 * (schema drift stops it too; an unreachable database does not), drop
 * privileges when started as root, then accept FastCGI requests until told
 * to stop or until conf max_requests have been served.
 */
#ifndef WORKER_H
#define WORKER_H

struct conf;

/* Exit codes, read by the master. */
#define WORKER_EXIT_OK     0  /* stopped or recycled: replace without delay */
#define WORKER_EXIT_CONFIG 78 /* views, conf or schema broken: back off */
#define WORKER_EXIT_FAILED 75 /* accept failed (EMFILE?): back off */

/* Run the worker on the listening socket listen_fd. When ready_fd >= 0 one
 * byte is written to it once start-up succeeded and it is closed. Returns
 * a WORKER_EXIT_* code for _exit(). */
int worker_run(const struct conf *, int listen_fd, int ready_fd);

#endif /* !WORKER_H */
