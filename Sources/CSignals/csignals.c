// CSignals: SIGINT sets a flag that long work polls; nothing else happens in the handler.
#include "csignals.h"

#include <signal.h>
#include <stddef.h>
#include <unistd.h>

static volatile sig_atomic_t requested = 0;
static volatile sig_atomic_t interrupts = 0;
static volatile sig_atomic_t exit_on_second_interrupt = 0;
static const char *volatile temporary_path = NULL;

int synth_cancel_requested(void) { return requested != 0; }
void synth_cancel_request(void) { requested = 1; }
void synth_cancel_reset(void) { requested = 0; interrupts = 0; }
int synth_cancel_interrupts(void) { return interrupts; }
void synth_cancel_set_temporary(const char *path) { temporary_path = path; }

static void on_interrupt(int sig) {
    (void)sig;
    requested = 1;
    if (interrupts < 1000) interrupts += 1;
    if (exit_on_second_interrupt && interrupts >= 2) {
        // unlink and _exit are async-signal-safe.
        const char *path = temporary_path;
        if (path != NULL) unlink(path);
        _exit(130);
    }
}

void synth_cancel_install(int exit_on_second) {
    exit_on_second_interrupt = exit_on_second ? 1 : 0;
    struct sigaction action;
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, NULL);
    // A parent may have left SIGINT blocked (a test runner, a service manager): a blocked
    // signal would stay pending, and Ctrl-C would do nothing.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}
