#ifndef PORTAL_CMARK_PARSING_H
#define PORTAL_CMARK_PARSING_H

/// 1 when parsers on several threads at once are safe: this file's replacement of
/// cmark_manage_extensions_special_characters is the one libcmark-gfm calls, and the
/// library is the version whose only shared parse state is that table.
int portal_cmark_parallel_parsing(void);

#endif
