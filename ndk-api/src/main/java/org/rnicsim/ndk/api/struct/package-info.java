/**
 * The structures of ndkpi.h, ndkinfo.h and ndisndk.h as immutable Java records (plus the two
 * caller-owned buffers, the object header and the logical address mapping, which the C API writes
 * through pointers).
 *
 * <p>Integer widths follow one rule: a ULONG quantity (count, depth, size, limit) is a {@code long}
 * checked to 0..{@link org.rnicsim.ndk.api.struct.Ulong#MAXULONG}; a SIZE_T is a non-negative
 * {@code long}; UINT32 tokens and ids and UINT64/PVOID addresses are opaque bit patterns in {@code
 * int} and {@code long}.
 */
package org.rnicsim.ndk.api.struct;
