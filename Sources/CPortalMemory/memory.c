#include "portal_memory.h"

#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

void portal_keep_freed_memory(void) {
    // Never give the top of a heap back (a build frees and reallocates page-sized
    // buffers all the time), grow heaps 16 MiB at a time rather than page by page, and
    // serve blocks up to 32 MiB from the heaps rather than from fresh mappings.
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TOP_PAD, 16 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
}
#else
void portal_keep_freed_memory(void) {}
#endif
