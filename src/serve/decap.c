/* decap.c — decap-server as a child of `sofgen serve --cms` (see decap.h). */
#include "decap.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/fs.h"

struct sg_decap_server {
	pid_t pid;
};

/* Does something accept connections on 127.0.0.1:port? */
static bool answers(unsigned port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return false;
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bool ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
	close(fd);
	return ok;
}

static void sleep_ms(long ms)
{
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&t, &t) != 0 && errno == EINTR) {
	}
}

sg_decap_server *sg_decap_start(const char *decap_dir, const char *site_dir, unsigned port,
                                const sigset_t *child_mask, sg_buf *err)
{
	char *script = sg_asprintf("%s/server/node_modules/decap-server/dist/index.js", decap_dir);
	if (!sg_is_file(script)) {
		sg_buf_printf(err,
		              "--cms: decap-server is not installed (%s is missing): run 'make decap' in sofgen's source "
		              "folder, then 'make install'",
		              script);
		free(script);
		return NULL;
	}
	if (answers(port)) {
		sg_buf_printf(err, "--cms: port %u is already in use (another decap-server?); stop it or use --cms-port", port);
		free(script);
		return NULL;
	}
	const char *node = getenv("SOFGEN_NODE");
	if (!node || !*node)
		node = "node";
	char port_s[16];
	snprintf(port_s, sizeof port_s, "%u", port);
	int pipefd[2]; /* the child writes errno here when exec fails; closed on exec */
	if (pipe2(pipefd, O_CLOEXEC) != 0) {
		sg_buf_printf(err, "--cms: cannot start decap-server: %s", strerror(errno));
		free(script);
		return NULL;
	}
	pid_t pid = fork();
	if (pid < 0) {
		sg_buf_printf(err, "--cms: cannot start decap-server: %s", strerror(errno));
		close(pipefd[0]), close(pipefd[1]);
		free(script);
		return NULL;
	}
	if (pid == 0) {
		/* the child: its own signals back, decap-server's settings in the environment */
		signal(SIGPIPE, SIG_DFL);
		sigprocmask(SIG_SETMASK, child_mask, NULL);
		if (chdir(site_dir) != 0)
			_exit(127);
		setenv("PORT", port_s, 1);
		setenv("BIND_HOST", "127.0.0.1", 1);
		setenv("MODE", "fs", 1);
		setenv("GIT_REPO_DIRECTORY", site_dir, 1);
		setenv("LOG_LEVEL", "warn", 1);
		execlp(node, node, script, (char *)NULL);
		int e = errno;
		if (write(pipefd[1], &e, sizeof e) < 0) {
		}
		_exit(127);
	}
	close(pipefd[1]);
	int e = 0;
	ssize_t got = read(pipefd[0], &e, sizeof e);
	close(pipefd[0]);
	free(script);
	if (got == (ssize_t)sizeof e) {
		waitpid(pid, NULL, 0);
		sg_buf_printf(err, "--cms: cannot run %s (Node.js, which runs decap-server): %s%s", node, strerror(e),
		              e == ENOENT ? "; install it with: sudo apt-get install -y nodejs" : "");
		return NULL;
	}
	for (int i = 0; i < 150; i++) { /* up to 15 s for node to load and listen */
		int status;
		if (waitpid(pid, &status, WNOHANG) == pid) {
			sg_buf_printf(err, "--cms: decap-server stopped before it answered on port %u (exit status %d); see its "
			                   "messages above",
			              port, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
			return NULL;
		}
		if (answers(port)) {
			sg_decap_server *s = sg_calloc(1, sizeof *s);
			s->pid = pid;
			return s;
		}
		sleep_ms(100);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	sg_buf_printf(err, "--cms: decap-server did not answer on port %u within 15 seconds", port);
	return NULL;
}

void sg_decap_stop(sg_decap_server *s)
{
	if (!s)
		return;
	kill(s->pid, SIGTERM);
	for (int i = 0; i < 30; i++) {
		if (waitpid(s->pid, NULL, WNOHANG) == s->pid) {
			free(s);
			return;
		}
		sleep_ms(100);
	}
	kill(s->pid, SIGKILL);
	waitpid(s->pid, NULL, 0);
	free(s);
}
