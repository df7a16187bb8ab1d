// Wide-character ncurses for Swift. Macros and mutable globals (stdscr, COLS, COLOR_PAIR, A_*)
// are not importable or are rejected by Swift 6 strict concurrency, so each one the backend needs
// is wrapped in a static inline function here.
#ifndef CASELOAD_CNCURSESW_SHIM_H
#define CASELOAD_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <ncursesw/curses.h>
#include <langinfo.h>
#include <locale.h>
#include <wchar.h>

static inline WINDOW *caseload_stdscr(void) { return stdscr; }
static inline WINDOW *caseload_curscr(void) { return curscr; }
static inline int caseload_cols(void) { return COLS; }
static inline int caseload_lines(void) { return LINES; }
static inline int caseload_colors(void) { return COLORS; }
static inline int caseload_color_pairs(void) { return COLOR_PAIRS; }

static inline int caseload_ok(void) { return OK; }
static inline int caseload_err(void) { return ERR; }
static inline int caseload_key_code_yes(void) { return KEY_CODE_YES; }
static inline int caseload_key_resize(void) { return KEY_RESIZE; }

static inline attr_t caseload_a_normal(void) { return A_NORMAL; }
static inline attr_t caseload_a_bold(void) { return A_BOLD; }
static inline attr_t caseload_a_dim(void) { return A_DIM; }
static inline attr_t caseload_a_underline(void) { return A_UNDERLINE; }
static inline attr_t caseload_a_reverse(void) { return A_REVERSE; }

static inline int caseload_cchar_max(void) { return CCHARW_MAX; }

/// Builds a cell from one spacing character plus up to CCHARW_MAX-1 combining characters
/// (`count` wide chars, not NUL-terminated) and puts it at (y, x).
static inline int caseload_put_cell(WINDOW *window, int y, int x, const wchar_t *chars, int count,
                                    attr_t attributes, short pair) {
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buffer[i] = chars[i];
    buffer[n] = L'\0';
    cchar_t cell;
    if (setcchar(&cell, buffer, attributes, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(window, y, x, &cell);
}

/// A terminfo string capability such as "rmcup", or NULL when the terminal lacks it.
static inline const char *caseload_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

/// The terminal's codeset under the current locale ("UTF-8", "ANSI_X3.4-1968", ...).
static inline const char *caseload_codeset(void) { return nl_langinfo(CODESET); }

#endif
