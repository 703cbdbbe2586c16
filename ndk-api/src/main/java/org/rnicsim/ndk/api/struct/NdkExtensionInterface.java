package org.rnicsim.ndk.api.struct;

/**
 * NDK_EXTENSION_INTERFACE {CONST VOID *Dispatch}: what NDK_FN_QUERY_EXTENSION_INTERFACE returns for
 * a supported extension.
 *
 * @param dispatch the extension's dispatch object, of a type the extension's GUID defines
 */
public record NdkExtensionInterface(Object dispatch) {}
