package org.rnicsim.model.profile;

/** Range checks shared by the profile records; each message names the offending field. */
final class ProfileChecks {
  private ProfileChecks() {}

  static void positive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0 but was " + value);
    }
  }

  static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0 but was " + value);
    }
  }

  static void positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a positive finite number: " + value);
    }
  }

  static void powerOfTwo(String field, long value) {
    if (value <= 0 || Long.bitCount(value) != 1) {
      throw new IllegalArgumentException(field + " must be a power of two but was " + value);
    }
  }

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }
}
