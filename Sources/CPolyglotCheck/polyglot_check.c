#include "polyglot_check.h"

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const void_elements[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", NULL,
};

static const char *const xhtml_namespace = "http://www.w3.org/1999/xhtml";

/// What one check carries between callbacks, reached through the parser context's _private.
typedef struct {
    dropin_polyglot_result *result;
    int is_document;
    int depth;
    int saw_doctype;
    int saw_fatal;
    int reported_subset;
} check_state;

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_parser(void) { xmlInitParser(); }

static check_state *state_of(void *ctx) {
    return (check_state *)((xmlParserCtxtPtr)ctx)->_private;
}

static void add_problem_v(check_state *state, int line, int column, int is_xml_error, const char *format,
                          va_list arguments) {
    dropin_polyglot_result *result = state->result;
    if (result->count >= DROPIN_POLYGLOT_MAX_PROBLEMS) return;
    dropin_polyglot_problem *problem = &result->problems[result->count++];
    problem->line = line;
    problem->column = column;
    problem->is_xml_error = is_xml_error;
    vsnprintf(problem->message, sizeof problem->message, format, arguments);
}

static void add_problem(check_state *state, int line, int column, int is_xml_error, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    add_problem_v(state, line, column, is_xml_error, format, arguments);
    va_end(arguments);
}

/// A polyglot rule broken at the parser's current position.
static void add_problem_here(void *ctx, const char *format, ...) {
    xmlParserCtxtPtr ctxt = ctx;
    va_list arguments;
    va_start(arguments, format);
    add_problem_v(state_of(ctx), ctxt->input->line, ctxt->input->col, 0, format, arguments);
    va_end(arguments);
}

static int is_void_element(const char *name) {
    for (const char *const *element = void_elements; *element; element++) {
        if (strcmp(*element, name) == 0) return 1;
    }
    return 0;
}

static int has_uppercase(const char *name) {
    for (; *name; name++) {
        if (*name >= 'A' && *name <= 'Z') return 1;
    }
    return 0;
}

static int equal_ignoring_ascii_case(const char *a, const char *b) {
    for (; *a && *b; a++, b++) {
        char x = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
        char y = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
        if (x != y) return 0;
    }
    return *a == *b;
}

static void check_attributes(void *ctx, int count, const xmlChar **attributes) {
    // libxml2 passes five pointers per attribute: localname, prefix, URI, value, end.
    for (int i = 0; i < count; i++) {
        const char *name = (const char *)attributes[i * 5];
        if (attributes[i * 5 + 1] == NULL && has_uppercase(name)) {
            add_problem_here(ctx, "attribute '%s' must be lowercase: HTML lowercases it, XML does not", name);
        }
        for (int j = i + 1; j < count; j++) {
            const char *other = (const char *)attributes[j * 5];
            if (equal_ignoring_ascii_case(name, other) && strcmp(name, other) != 0) {
                add_problem_here(ctx, "attributes '%s' and '%s' differ only in case: a browser keeps one of them", name, other);
            }
        }
    }
}

static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                             int namespace_count, const xmlChar **namespaces, int attribute_count,
                             int defaulted_count, const xmlChar **attributes) {
    (void)prefix; (void)namespace_count; (void)namespaces; (void)defaulted_count;
    xmlParserCtxtPtr ctxt = ctx;
    check_state *state = state_of(ctx);
    const char *name = (const char *)localname;
    // The parser calls this with its cursor on the tag's end: "/>" or ">".
    int self_closed = ctxt->input->cur[0] == '/';
    if (state->is_document && state->depth == 0) {
        if (strcmp(name, "html") != 0 || uri == NULL || strcmp((const char *)uri, xhtml_namespace) != 0) {
            add_problem_here(ctx, "the root element must be <html xmlns=\"http://www.w3.org/1999/xhtml\">, not <%s>", name);
        }
    }
    if (has_uppercase(name)) {
        add_problem_here(ctx, "element <%s> must be lowercase: HTML lowercases it, XML does not", name);
    }
    if (is_void_element(name) && !self_closed) {
        add_problem_here(ctx, "void element <%s> must be written self-closed, as <%s ... />", name, name);
    } else if (!is_void_element(name) && self_closed) {
        add_problem_here(ctx, "<%s/> is not closed to a browser: write <%s ...></%s> instead", name, name, name);
    }
    check_attributes(ctx, attribute_count, attributes);
    state->depth++;
}

static void on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)localname; (void)prefix; (void)uri;
    state_of(ctx)->depth--;
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id) {
    check_state *state = state_of(ctx);
    state->saw_doctype = 1;
    if (!state->is_document) {
        add_problem_here(ctx, "a snippet must not have a DOCTYPE (%s)", (const char *)name);
    } else if (strcmp((const char *)name, "html") != 0 || external_id != NULL || system_id != NULL) {
        add_problem_here(ctx, "the DOCTYPE must be exactly <!DOCTYPE html>, not one naming '%s' or a DTD", (const char *)name);
    }
}

static void report_subset(void *ctx) {
    check_state *state = state_of(ctx);
    if (state->reported_subset) return;
    state->reported_subset = 1;
    add_problem_here(ctx, "DTD declarations are not allowed: write <!DOCTYPE html> with nothing inside");
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content) {
    (void)name; (void)type; (void)public_id; (void)system_id; (void)content;
    report_subset(ctx);
}

static void on_element_decl(void *ctx, const xmlChar *name, int type, xmlElementContentPtr content) {
    (void)name; (void)type; (void)content;
    report_subset(ctx);
}

static void on_attribute_decl(void *ctx, const xmlChar *element, const xmlChar *fullname, int type, int def,
                              const xmlChar *default_value, xmlEnumerationPtr tree) {
    (void)element; (void)fullname; (void)type; (void)def; (void)default_value; (void)tree;
    report_subset(ctx);
}

static void on_processing_instruction(void *ctx, const xmlChar *target, const xmlChar *data) {
    (void)data;
    add_problem_here(ctx, "processing instruction <?%s ...?> is not HTML: remove it", (const char *)target);
}

static void on_cdata(void *ctx, const xmlChar *value, int length) {
    (void)value; (void)length;
    add_problem_here(ctx, "CDATA sections are not HTML: escape the text instead");
}

static void on_error(void *user_data, xmlErrorPtr error) {
    check_state *state = state_of(user_data);
    int counts = error->level == XML_ERR_FATAL || error->domain == XML_FROM_NAMESPACE;
    // After the first fatal error libxml2 reports a cascade of follow-on errors: keep the first.
    if (!counts || state->saw_fatal) return;
    state->saw_fatal = error->level == XML_ERR_FATAL;
    char message[DROPIN_POLYGLOT_MESSAGE_SIZE];
    snprintf(message, sizeof message, "%s", error->message ? error->message : "not well-formed");
    size_t length = strlen(message);
    while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' ')) message[--length] = '\0';
    add_problem(state, error->line, error->int2, 1, "%s", message);
}

void dropin_polyglot_check(const char *text, size_t length, int is_document, dropin_polyglot_result *result) {
    pthread_once(&init_once, init_parser);
    memset(result, 0, sizeof *result);
    check_state state = { .result = result, .is_document = is_document };

    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start_element;
    sax.endElementNs = on_end_element;
    sax.internalSubset = on_internal_subset;
    sax.entityDecl = on_entity_decl;
    sax.elementDecl = on_element_decl;
    sax.attributeDecl = on_attribute_decl;
    sax.processingInstruction = on_processing_instruction;
    sax.cdataBlock = on_cdata;
    sax.serror = on_error;

    // With no user data, libxml2 hands the parser context itself to every callback.
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL);
    if (ctxt == NULL) {
        add_problem(&state, 1, 1, 1, "libxml2 could not start a parser (out of memory)");
        return;
    }
    ctxt->_private = &state;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    // Documents over INT_MAX bytes go in pieces, as the push parser takes an int length.
    const size_t piece = 1 << 30;
    size_t offset = 0;
    do {
        size_t size = length - offset < piece ? length - offset : piece;
        int last = offset + size >= length;
        xmlParseChunk(ctxt, text + offset, (int)size, last);
        offset += size;
    } while (offset < length);
    if (is_document && !state.saw_doctype && !state.saw_fatal) {
        add_problem(&state, 1, 1, 0, "the document must start with <!DOCTYPE html>");
    }
    xmlFreeParserCtxt(ctxt);
}
