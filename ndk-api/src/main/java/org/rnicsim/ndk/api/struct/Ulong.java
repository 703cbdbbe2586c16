package org.rnicsim.ndk.api.struct;

/** Range checks for the C integer types that Java lacks (ULONG, USHORT, SIZE_T). */
public final class Ulong {

  /** MAXULONG: the largest ULONG, 0xFFFFFFFF; meaningful to ControlCqInterruptModeration. */
  public static final long MAXULONG = 0xFFFF_FFFFL;

  /** The largest USHORT, 0xFFFF. */
  public static final int MAXUSHORT = 0xFFFF;

  private Ulong() {}

  /**
   * Returns {@code value} if it fits a ULONG.
   *
   * @throws IllegalArgumentException naming {@code what} otherwise
   */
  public static long requireUlong(String what, long value) {
    if (value < 0 || value > MAXULONG) {
      throw new IllegalArgumentException(
          what + " must be a ULONG (0.." + MAXULONG + "), got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it fits a USHORT.
   *
   * @throws IllegalArgumentException naming {@code what} otherwise
   */
  public static int requireUshort(String what, int value) {
    if (value < 0 || value > MAXUSHORT) {
      throw new IllegalArgumentException(
          what + " must be a USHORT (0.." + MAXUSHORT + "), got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is a valid SIZE_T (non-negative; Java has no unsigned 64-bit).
   *
   * @throws IllegalArgumentException naming {@code what} otherwise
   */
  public static long requireSizeT(String what, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be a non-negative SIZE_T, got " + value);
    }
    return value;
  }
}
