// GNU readline for the REPL, with accessors so Swift 6 never touches a C global directly.
#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

typedef char **(*synth_completion_fn)(const char *, int, int);

static inline void synth_rl_set_completion(synth_completion_fn fn) {
    rl_attempted_completion_function = (rl_completion_func_t *)fn;
}
static inline void synth_rl_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline const char *synth_rl_line_buffer(void) { return rl_line_buffer; }
static inline void synth_rl_set_word_breaks(const char *chars) {
    rl_completer_word_break_characters = (char *)chars;
}
static inline void synth_rl_set_append_character(int c) { rl_completion_append_character = c; }
static inline char **synth_rl_completion_matches(const char *text, rl_compentry_func_t *gen) {
    return rl_completion_matches(text, gen);
}

#include <signal.h>
#include <unistd.h>

/* Ctrl-C at the prompt clears the line (and any unfinished statement) instead of ending the
   session. The REPL asks synth_rl_take_interrupt() after each line. */
static volatile sig_atomic_t synth_rl_interrupted = 0;
static void synth_rl_sigint(int sig) {
    (void)sig;
    synth_rl_interrupted = 1;
    (void)write(STDOUT_FILENO, "\n", 1);
    rl_on_new_line();
    rl_replace_line("", 0);
    rl_set_prompt("synth> ");
    rl_redisplay();
}
static inline int synth_rl_take_interrupt(void) {
    int was = synth_rl_interrupted;
    synth_rl_interrupted = 0;
    return was;
}
static inline void synth_rl_configure(void) {
    /* Editing a recalled line must not change the history entry. */
    rl_variable_bind("revert-all-at-newline", "on");
}
static inline void synth_rl_install_sigint(void) {
    struct sigaction action;
    action.sa_handler = synth_rl_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, NULL);
}
static inline int synth_rl_point(void) { return rl_point; }
static inline void synth_rl_set_suppress_quote(int suppress) { rl_completion_suppress_quote = suppress; }
