#define _GNU_SOURCE
#include "veil_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

/// In the child, only async-signal-safe calls: the parent has other threads.
static void fail_in_child(int report, int error) {
    ssize_t ignored = write(report, &error, sizeof error);
    (void)ignored;
    _exit(127);
}

int veil_spawn(const char *path, char *const argv[], const char *directory,
               int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return errno;
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        return error;
    }
    if (child == 0) {
#ifdef __linux__
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) fail_in_child(report[1], errno);
#endif
        // The parent may have died before the line above: then nobody would kill this child.
        if (getppid() != parent) _exit(127);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        struct sigaction standard = {0};
        standard.sa_handler = SIG_DFL;
        sigaction(SIGPIPE, &standard, NULL);
        if (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0) fail_in_child(report[1], errno);
        // Every other descriptor of Veil's (other plugins' pipes, output files) closes on exec.
#ifdef SYS_close_range
        int marked = syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) == 0;
#else
        int marked = 0;
#endif
        if (!marked) {
            long last = sysconf(_SC_OPEN_MAX);
            for (int fd = 3; fd < last && fd < 65536; fd++) {
                if (fd != report[1]) fcntl(fd, F_SETFD, FD_CLOEXEC);
            }
        }
        if (chdir(directory) != 0) fail_in_child(report[1], errno);
        execve(path, argv, environ);
        fail_in_child(report[1], errno);
    }
    close(report[1]);
    int error = 0;
    ssize_t count;
    do { count = read(report[0], &error, sizeof error); } while (count < 0 && errno == EINTR);
    close(report[0]);
    if (count == sizeof error) {
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
        return error;
    }
    *pid = child;
    return 0;
}
