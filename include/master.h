/*
 * master.h: `stegvis serve`, the pre-forking supervisor.
 *
 * Binds the FastCGI unix socket, forks conf `workers` workers (0: two per
 * online CPU) and keeps that many alive. A worker that dies is replaced at
 * once. One that dies soon after its start without having answered a
 * request is a start-up failure: repeated ones back off exponentially
 * (0.1 s up to 10 s), so a broken build never becomes a fork storm; a
 * worker that has served proves the configuration and ends the back-off.
 * While backing off, half the pool (at least one) is still kept alive, as
 * long as workers do get as far as ready. With no worker process at all,
 * the master answers what reaches the socket with the Swedish 503 page at
 * once. SIGHUP re-reads the conf and views and replaces the workers one at
 * a time, each old one only after its replacement is ready, so no request
 * is dropped; a broken conf or view aborts the reload and the old workers
 * keep serving. SIGTERM/SIGINT: the
 * socket path is removed (nginx's next connect fails at once: its 503),
 * the workers serve what is already queued and in flight, then the master
 * exits.
 */
#ifndef MASTER_H
#define MASTER_H

/* Run until SIGTERM. pid_file may be NULL. Returns the process exit code. */
int master_run(const char *conf_path, const char *pid_file);

#endif /* !MASTER_H */
