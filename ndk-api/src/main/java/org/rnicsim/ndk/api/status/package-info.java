/**
 * Status codes: {@link org.rnicsim.ndk.api.status.NtStatus} for every NDKPI call and callback, and
 * {@link org.rnicsim.ndk.api.status.NdisStatus} for the NDIS adapter open handler.
 *
 * <p>The numeric values are the real Windows codes (ntstatus.h, ndis.h), so a trace or a lesson can
 * be compared with a kernel debugger session line by line.
 */
package org.rnicsim.ndk.api.status;
