#ifndef DROPIN_POLYGLOT_CHECK_H
#define DROPIN_POLYGLOT_CHECK_H

#include <stddef.h>

/// How many problems one check keeps; the first is what users need, the rest give context.
#define DROPIN_POLYGLOT_MAX_PROBLEMS 8
#define DROPIN_POLYGLOT_MESSAGE_SIZE 240

typedef struct {
    int line;
    int column;
    /// 1 when libxml2 found the text not well-formed; 0 for a polyglot rule it does not know.
    int is_xml_error;
    char message[DROPIN_POLYGLOT_MESSAGE_SIZE];
} dropin_polyglot_problem;

typedef struct {
    int count;
    dropin_polyglot_problem problems[DROPIN_POLYGLOT_MAX_PROBLEMS];
} dropin_polyglot_result;

/// Checks that `text` is polyglot HTML5: well-formed XML (libxml2's XML parser, no network, no
/// entity expansion, no DTD loading) plus the HTML rules the XML parser misses: void elements
/// self-closed and no other element, lowercase names, no attributes equal but for case, no
/// internal DTD subset, processing instructions or CDATA. With `is_document`, also a
/// `<!DOCTYPE html>` and an `html` root in the XHTML namespace.
/// Safe to call from several threads at once: every call has its own parser context.
void dropin_polyglot_check(const char *text, size_t length, int is_document, dropin_polyglot_result *result);

#endif
