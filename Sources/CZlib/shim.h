// The system zlib (Debian: zlib1g-dev). deflateInit2 and inflateInit2 are macros: wrapped here.
#include <zlib.h>

static inline int czlib_deflate_init2(z_streamp stream, int level, int method, int windowBits, int memLevel,
                                      int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}

static inline int czlib_inflate_init2(z_streamp stream, int windowBits) { return inflateInit2(stream, windowBits); }
