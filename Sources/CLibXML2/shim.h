// libxml2 for dropin's polyglot checker. Debian builds libxml2 with ICU, whose headers clash
// with Foundation's when both reach one Swift file; the checker is C and needs no ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
