// CSignals: the SIGINT flag long work polls, set from a signal handler (async-signal-safe C).
#ifndef SYNTH_CSIGNALS_H
#define SYNTH_CSIGNALS_H

/// Whether Ctrl-C asked the running command to stop (1) or not (0).
int synth_cancel_requested(void);
/// Asks the running command to stop, as Ctrl-C does (tests use it too).
void synth_cancel_request(void);
/// Clears the request before the next command starts.
void synth_cancel_reset(void);
/// How many SIGINTs arrived since the last reset.
int synth_cancel_interrupts(void);

/// Installs a SIGINT handler that only sets the flag. When `exit_on_second` is non-zero, a
/// second Ctrl-C while the first is still unanswered ends the process at once with exit 130
/// (batch runs: a command stuck outside a checkpoint can still be stopped), after removing the
/// temporary file registered with synth_cancel_set_temporary, if any.
void synth_cancel_install(int exit_on_second);

/// The temporary file being written right now (NULL: none), removed if the process is ended
/// by a second Ctrl-C, so no partial output is left. The string must stay valid while set.
void synth_cancel_set_temporary(const char *path);

#endif
