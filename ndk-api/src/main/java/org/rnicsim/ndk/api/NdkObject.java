package org.rnicsim.ndk.api;

import java.util.UUID;
import org.rnicsim.ndk.api.struct.NdkObjectHeader;
import org.rnicsim.ndk.api.struct.NdkVersion;

/**
 * What every NDK object starts with: its {@link NdkObjectHeader} (the NDK_OBJECT_HEADER at offset
 * 0, which is why C passes objects around as {@code NDK_OBJECT_HEADER*}) and the NdkQueryExtension
 * entry every dispatch table has (ndkpi-spec 1).
 */
public interface NdkObject {

  /**
   * The object's header: negotiated Version, ObjectType, NdkReserved (zero at delivery, invariant
   * 4). The same instance for the object's whole life.
   */
  NdkObjectHeader header();

  /**
   * NDK_FN_QUERY_EXTENSION_INTERFACE (NdkQueryExtension): asks for a provider extension.
   *
   * @param extensionInterfaceId the extension's GUID
   * @param extensionInterfaceVersion the extension version wanted
   * @return SUCCESS with the extension's dispatch, or a failure such as NOT_SUPPORTED
   */
  NdkExtensionResult queryExtension(
      UUID extensionInterfaceId, NdkVersion extensionInterfaceVersion);
}
