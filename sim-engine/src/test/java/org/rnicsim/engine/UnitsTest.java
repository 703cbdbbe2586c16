package org.rnicsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {
  @ParameterizedTest
  @CsvSource({
    "550ns, 550000",
    "1.5us, 1500000",
    "1.5 us, 1500000",
    "2ms, 2000000000",
    "1s, 1000000000000",
    "0s, 0",
    "12ps, 12",
    "1US, 1000000",
    "2.5e3ns, 2500000"
  })
  void durationsBecomePicoseconds(String text, long expectedPs) {
    assertEquals(expectedPs, Units.parseDurationPs(text));
  }

  @ParameterizedTest
  @CsvSource({"4KiB, 4096", "64B, 64", "1MiB, 1048576", "2KB, 2000", "1.5KiB, 1536"})
  void sizesBecomeBytes(String text, long expectedBytes) {
    assertEquals(expectedBytes, Units.parseBytes(text));
  }

  @ParameterizedTest
  @CsvSource({
    "100Gbps, 100000000000",
    "25 Gb/s, 25000000000",
    "56Gbps, 56000000000",
    "1.25GB/s, 10000000000"
  })
  void ratesBecomeBitsPerSecond(String text, long expectedBitsPerSecond) {
    assertEquals(expectedBitsPerSecond, Units.parseBitsPerSecond(text));
  }

  @ParameterizedTest
  @CsvSource({"8 GT/s, 8000000000", "2.5GT/s, 2500000000", "25 GT/s, 25000000000"})
  void signallingRatesBecomeTransfersPerSecond(String text, long expected) {
    assertEquals(expected, Units.parseTransfersPerSecond(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "550",
        "ns",
        "fast",
        "5 parsecs",
        "-3ns",
        "1.5ps",
        "",
        "1..5us",
        "99999999999999h"
      })
  void badDurationsAreRefusedWithTheTextQuoted(String text) {
    UnitsException error = assertThrows(UnitsException.class, () -> Units.parseDurationPs(text));
    assertTrue(
        error.getMessage().contains("\"" + text.strip()) || error.getMessage().contains(text),
        () -> "message should quote the text: " + error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"4kib", "4 KiBytes", "0.5B", "4096", "4Gbps"})
  void badSizesAreRefused(String text) {
    UnitsException error = assertThrows(UnitsException.class, () -> Units.parseBytes(text));
    assertTrue(error.getMessage().contains(text), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"100GBPS", "100", "100 Gbit", "100us"})
  void badRatesAreRefused(String text) {
    UnitsException error = assertThrows(UnitsException.class, () -> Units.parseBitsPerSecond(text));
    assertTrue(error.getMessage().contains(text), error.getMessage());
  }

  @org.junit.jupiter.api.Test
  void aMissingValueSaysWhatWasExpected() {
    UnitsException error = assertThrows(UnitsException.class, () -> Units.parseDurationPs(null));
    assertTrue(error.getMessage().contains("duration"), error.getMessage());
  }

  @org.junit.jupiter.api.Test
  void formattingPicksAReadableUnit() {
    assertEquals("999 ps", SimTime.format(999));
    assertEquals("1.500 us", SimTime.format(1_500_000));
    assertEquals("820.000 ns", SimTime.format(820_000));
  }
}
