// A bump allocator for cmark-gfm, one per thread. A page's parse allocates tens of
// thousands of small blocks (nodes, chunks, buffers) and frees them all together when
// the page is done; with the system allocator that costs about as much as the parse.
// Here an allocation moves a pointer forward in a chunk of the calling thread, free
// gives back only the most recent block, and portal_cmark_arena_reset, called when a
// page's render is finished, makes all the thread's chunks empty again.
//
// Every block starts with a 16-byte header holding its size, so that realloc can copy
// it; a block that is the last of its chunk grows in place (the way cmark's buffers
// grow). cmark gives up on a failed allocation, and so does this allocator.

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "cmark_parsing.h"

enum {
    header_size = 16,
    chunk_bytes = 256 * 1024,
    // Chunks kept for the next page; anything beyond is returned at reset.
    kept_chunks = 16,
};

typedef struct chunk {
    struct chunk *next;
    size_t capacity;
    size_t used;
    size_t padding;
    unsigned char data[];
} chunk;

_Static_assert(sizeof(chunk) % 16 == 0, "chunk data must stay 16-byte aligned");

static _Thread_local chunk *first_chunk = NULL;
static _Thread_local chunk *current_chunk = NULL;

static size_t rounded(size_t size) {
    return (size + 15) & ~(size_t)15;
}

static void out_of_memory(void) {
    fprintf(stderr, "[portal] out of memory while parsing Markdown\n");
    abort();
}

static chunk *new_chunk(size_t need, chunk *next) {
    size_t capacity = need > chunk_bytes ? need : chunk_bytes;
    chunk *made = malloc(sizeof(chunk) + capacity);
    if (!made) out_of_memory();
    made->next = next;
    made->capacity = capacity;
    made->used = 0;
    return made;
}

static void *arena_alloc(size_t size) {
    if (size > SIZE_MAX - 64) out_of_memory();
    size_t need = header_size + rounded(size);
    if (!current_chunk) {
        if (!first_chunk) first_chunk = new_chunk(need, NULL);
        current_chunk = first_chunk;
    }
    if (current_chunk->capacity - current_chunk->used < need) {
        chunk *next = current_chunk->next;
        if (next && next->capacity >= need) {
            next->used = 0;
        } else {
            next = new_chunk(need, next);
            current_chunk->next = next;
        }
        current_chunk = next;
    }
    unsigned char *block = current_chunk->data + current_chunk->used;
    *(size_t *)block = size;
    current_chunk->used += need;
    return block + header_size;
}

static int is_last_block(unsigned char *payload, size_t size) {
    return current_chunk && payload + rounded(size) == current_chunk->data + current_chunk->used;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    void *block = arena_alloc(count * size);
    memset(block, 0, count * size);
    return block;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (!pointer) return arena_alloc(size);
    unsigned char *payload = pointer;
    size_t old = *(size_t *)(payload - header_size);
    if (is_last_block(payload, old)) {
        size_t start = (size_t)(payload - current_chunk->data);
        if (size <= SIZE_MAX - 64 && current_chunk->capacity - start >= rounded(size)) {
            *(size_t *)(payload - header_size) = size;
            current_chunk->used = start + rounded(size);
            return payload;
        }
    }
    void *moved = arena_alloc(size);
    memcpy(moved, payload, old < size ? old : size);
    return moved;
}

static void arena_free(void *pointer) {
    if (!pointer) return;
    unsigned char *payload = pointer;
    size_t size = *(size_t *)(payload - header_size);
    // Only the most recent block can be given back before the reset.
    if (is_last_block(payload, size)) current_chunk->used -= header_size + rounded(size);
}

static cmark_mem arena = {arena_calloc, arena_realloc, arena_free};

cmark_mem *portal_cmark_arena(void) {
    return &arena;
}

void portal_cmark_arena_reset(void) {
    chunk **link = &first_chunk;
    int kept = 0;
    while (*link) {
        chunk *item = *link;
        if (kept < kept_chunks && item->capacity == chunk_bytes) {
            item->used = 0;
            kept++;
            link = &item->next;
        } else {
            *link = item->next;
            free(item);
        }
    }
    current_chunk = first_chunk;
}
