// zlib, for reading gzip-compressed CSV input.
#include <zlib.h>
