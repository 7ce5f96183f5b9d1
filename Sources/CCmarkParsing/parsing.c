// libcmark-gfm 0.29.0.gfm.6 keeps one process-wide table of the characters that start
// an inline (`SPECIAL_CHARS`). cmark_parser_finish adds the attached extensions'
// characters to it before parsing inlines and removes them after, so two parsers on two
// threads take each other's `|`, `~`, `:` and `w` away in the middle of a parse.
//
// portal attaches the same extensions to every parser. This definition takes the place
// of the library's (the library calls it through its PLT): characters are added once per
// extension, under a lock, and never removed, so after the first parse the table no
// longer changes and parses can run side by side.

#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

#include "cmark_parsing.h"

// scripts/release.sh links libcmark-gfm.a into the binary and defines PORTAL_CMARK_STATIC.
// Inside the static library, cmark_parser_finish calls this function directly (it is
// hidden there), so no definition here could take its place: parses then run one at a
// time (portal_cmark_parallel_parsing answers 0, and `portal build --timings` says so).
// Emptying the extensions' character lists after adding their characters for good does
// not work either: the library also reads strikethrough's list to close `~~` runs, and
// a page with `~~x~~` then never finishes parsing.
#ifndef PORTAL_CMARK_STATIC
typedef void (*manage_function)(cmark_parser *, int);

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
enum { known_capacity = 64 };
static cmark_syntax_extension *known[known_capacity];
static int known_count = 0;

static int is_known(cmark_syntax_extension *extension) {
    for (int i = 0; i < known_count; i++) {
        if (known[i] == extension) return 1;
    }
    return 0;
}

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    if (!add) return;
    pthread_mutex_lock(&table_lock);
    int missing = 0;
    for (cmark_llist *item = cmark_parser_get_syntax_extensions(parser); item; item = item->next) {
        if (!is_known((cmark_syntax_extension *)item->data)) missing = 1;
    }
    if (missing) {
        manage_function library = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (library) library(parser, 1);
        for (cmark_llist *item = cmark_parser_get_syntax_extensions(parser); item; item = item->next) {
            cmark_syntax_extension *extension = (cmark_syntax_extension *)item->data;
            if (!is_known(extension) && known_count < known_capacity) known[known_count++] = extension;
        }
    }
    pthread_mutex_unlock(&table_lock);
}

#endif

int portal_cmark_parallel_parsing(void) {
#if defined(PORTAL_CMARK_STATIC)
    return 0;
#elif defined(__linux__)
    // Another version may keep other shared state, or call the function directly.
    if (strcmp(cmark_version_string(), "0.29.0.gfm.6") != 0) return 0;
    void *bound = dlsym(RTLD_DEFAULT, "cmark_manage_extensions_special_characters");
    return bound == (void *)&cmark_manage_extensions_special_characters;
#else
    // Elsewhere (two-level namespaces on macOS) a library binds to its own definitions.
    return 0;
#endif
}
