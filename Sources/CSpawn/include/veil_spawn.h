#ifndef VEIL_SPAWN_H
#define VEIL_SPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` (NULL-terminated) and the current environment, in `directory`, its
/// standard input, output and error on the given descriptors, every other descriptor closed. The
/// child is killed (SIGKILL) when the thread that called this ends, so Veil's plugin programs do
/// not outlive it even when it is killed. Returns 0 and sets `*pid`, or an errno value: from fork,
/// or from the child's chdir or exec (reported through a close-on-exec pipe).
int veil_spawn(const char *path, char *const argv[], const char *directory,
               int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid);

#endif
