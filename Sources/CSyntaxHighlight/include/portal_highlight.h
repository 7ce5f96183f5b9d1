#ifndef PORTAL_HIGHLIGHT_H
#define PORTAL_HIGHLIGHT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Highlights `length` bytes of UTF-8 `code` with KSyntaxHighlighting's definition for
/// `language` (a definition name in any case, or a file extension). Returns the code as
/// HTML: the same lines, separated by '\n' and without one after the last, text escaped,
/// tokens in `<span class="…">` that never cross a line. Returns NULL when no
/// definition matches. The caller frees the result with `portal_highlight_free`.
/// Safe from many threads: each thread loads its own repository of definitions, the
/// first time it highlights.
char *portal_highlight(const char *language, const char *code, size_t length, size_t *out_length);

/// Whether `portal_highlight` knows `language`.
int portal_highlight_knows(const char *language);

void portal_highlight_free(char *html);

#ifdef __cplusplus
}
#endif

#endif
