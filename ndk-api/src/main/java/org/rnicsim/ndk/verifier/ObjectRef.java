package org.rnicsim.ndk.verifier;

import java.util.Objects;
import org.rnicsim.ndk.api.constant.NdkObjectType;

/**
 * Names one NDK object in a report: its type and a number the verifier gives it, counted per type
 * from 1 in the order the objects were asked for ("CQ#2" is the second CQ created).
 *
 * @param type the object's type
 * @param id the per-type number, from 1
 */
public record ObjectRef(NdkObjectType type, int id) {

  /** Checks the type is present. */
  public ObjectRef {
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return type.name() + "#" + id;
  }
}
