package org.rnicsim.ndk.provider.policy;

/**
 * How the provider carries out the create or the close of one object kind (ndkpi-spec 2, 3): at
 * once inside the call, or through a firmware command whose completion travels back as an EQE, an
 * interrupt and a DPC before the consumer's callback runs on a CPU core.
 */
public enum ControlPath {
  /**
   * Done inside the call: a create returns SUCCESS with the object, a close returns SUCCESS when
   * nothing keeps it pending (invariants 1, 5).
   */
  INLINE,
  /**
   * A firmware command: the create or close returns PENDING and its completion callback runs after
   * the command's completion is delivered (invariants 1, 2, 5).
   */
  FIRMWARE
}
