#ifndef PORTAL_MEMORY_H
#define PORTAL_MEMORY_H

/// Tunes the C allocator for a short batch run (`portal build`): freed memory stays with
/// the process instead of going back to the system, only to be faulted in again by the
/// next page. A no-op where the C library is not glibc.
void portal_keep_freed_memory(void);

#endif
