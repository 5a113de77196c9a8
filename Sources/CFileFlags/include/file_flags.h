#ifndef DROPIN_FILE_FLAGS_H
#define DROPIN_FILE_FLAGS_H

// Linux's flags for writing a file unnamed and naming it once complete. Glibc declares them only
// with _GNU_SOURCE, which the Glibc module Swift imports is built without.
#ifdef __linux__
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>

/// open's O_TMPFILE: an unnamed file in the given folder.
static inline int dropin_open_unnamed(void) { return O_TMPFILE; }

/// linkat's AT_EMPTY_PATH: link the descriptor itself.
static inline int dropin_link_empty_path(void) { return AT_EMPTY_PATH; }
#endif

#endif
