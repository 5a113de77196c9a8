// The flags are static inline functions in include/file_flags.h; SwiftPM builds a C target
// only from at least one source file.
#include "file_flags.h"
