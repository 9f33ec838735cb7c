// The only C in the project. SwiftPM drops the -D_XOPEN_SOURCE flag that
// ncursesw's pkg-config sets, so the wide-character API must be switched on
// here, and the macros Swift cannot import are wrapped as inline functions.
#ifndef DECISION_AID_CNCURSES_SHIM_H
#define DECISION_AID_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <termios.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_set_escdelay(int ms) { return set_escdelay(ms); }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_color_pair(int n) { return COLOR_PAIR(n); }

static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
#if defined(BUTTON5_PRESSED)
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t cn_button5_pressed(void) { return 0; }
#endif
static inline int cn_key_f(int n) { return KEY_F(n); }


/* tigetstr returns (char *)-1 for "not a string capability"; fold that into
   NULL so Swift only has to check for nil. */
static inline const char *cn_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == (char *)-1) ? NULL : s;
}

static inline FILE *cn_fdopen_out(void) { return fdopen(STDOUT_FILENO, "w"); }

/* The terminal's size in rows and columns (TIOCGWINSZ); 0 on success. */
static inline int cn_window_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 0;
}

/* SIGRTMIN/SIGRTMAX are function calls in glibc, hidden behind macros. */
static inline int cn_sigrtmin(void) { return SIGRTMIN; }
static inline int cn_sigrtmax(void) { return SIGRTMAX; }

/* A one-shot real-time timer (SIGALRM after ms milliseconds; 0 cancels).
   setitimer is a plain system call, safe inside a signal handler. */
static inline int cn_alarm_after(long ms) {
    struct itimerval value = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } };
    return setitimer(ITIMER_REAL, &value, NULL);
}
static inline FILE *cn_fdopen_in(void) { return fdopen(STDIN_FILENO, "r"); }

/* The C library's width of a character (what ncurses counts), declared
   here because the header hides it without _XOPEN_SOURCE. */
extern int wcwidth(wchar_t c);
static inline int cn_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/* Writes n characters, each one column wide and one code point, in one
   style at (y, x), as ready-made cells (mvwadd_wchnstr): no multibyte
   decoding per character. Like mvwaddchnstr it leaves the cursor where it
   was. Returns ERR if a character cannot be made a cell. */
static inline int cn_put_narrow_run(WINDOW *win, int y, int x, const unsigned int *chars, int n,
                                    attr_t attrs, int pair) {
    cchar_t cells[256];
    if (n > 255) n = 255;
    for (int i = 0; i < n; i++) {
        wchar_t text[2] = { (wchar_t)chars[i], 0 };
        if (setcchar(&cells[i], text, attrs, (short)pair, NULL) == ERR) return ERR;
    }
    memset(&cells[n], 0, sizeof cells[n]);
    return mvwadd_wchnstr(win, y, x, cells, n);
}

#endif
