/*
 * master.h: `stegvis serve`, the pre-forking supervisor.
 *
 * Binds the FastCGI unix socket, forks conf `workers` workers (0: two per
 * online CPU) and keeps that many alive. A worker that dies is replaced;
 * repeated early deaths back off exponentially (0.1 s up to 10 s), so a
 * broken build never becomes a fork storm. SIGHUP re-reads the conf and
 * views and replaces the workers one at a time, each old one only after its
 * replacement is ready, so no request is dropped; a broken conf or view
 * aborts the reload and the old workers keep serving. SIGTERM/SIGINT: every
 * worker finishes its request in flight, then the master exits.
 */
#ifndef MASTER_H
#define MASTER_H

/* Run until SIGTERM. pid_file may be NULL. Returns the process exit code. */
int master_run(const char *conf_path, const char *pid_file);

#endif /* !MASTER_H */
