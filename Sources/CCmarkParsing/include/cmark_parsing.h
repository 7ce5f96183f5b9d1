#ifndef PORTAL_CMARK_PARSING_H
#define PORTAL_CMARK_PARSING_H

/// 1 when parsers on several threads at once are safe: this file's replacement of
/// cmark_manage_extensions_special_characters is the one libcmark-gfm calls, and the
/// library is the version whose only shared parse state is that table.
int portal_cmark_parallel_parsing(void);

#include <cmark-gfm.h>

/// The calling thread's bump allocator for cmark-gfm (see arena.c). Everything allocated
/// with it lives until portal_cmark_arena_reset on the same thread.
cmark_mem *portal_cmark_arena(void);

/// Makes the calling thread's arena empty: every block it gave out is invalid after this.
void portal_cmark_arena_reset(void);

#endif
