package org.rnicsim.ndk.api.constant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * Every enum constant against the value ndkpi-spec lists (sections 1, 4, 5, 6). The expected maps
 * are typed from the spec, so a typo on either side fails here rather than in a user's trace.
 */
class HeaderValuesTest {

  private static <E extends Enum<E>> Map<String, Integer> valuesOf(
      E[] constants, ToIntFunction<E> value) {
    Map<String, Integer> map = new LinkedHashMap<>();
    Arrays.stream(constants).forEach(c -> map.put(c.name(), value.applyAsInt(c)));
    return map;
  }

  @Test
  void objectTypes() {
    assertEquals(
        Map.ofEntries(
            Map.entry("UNDEFINED", 0),
            Map.entry("ADAPTER", 1),
            Map.entry("QP", 2),
            Map.entry("CQ", 3),
            Map.entry("MR", 4),
            Map.entry("MW", 5),
            Map.entry("PD", 6),
            Map.entry("SHARED_ENDPOINT", 7),
            Map.entry("CONNECTOR", 8),
            Map.entry("LISTENER", 9),
            Map.entry("SRQ", 10),
            Map.entry("MAX", 11)),
        valuesOf(NdkObjectType.values(), NdkObjectType::value));
  }

  @Test
  void opFlags() {
    assertEquals(
        Map.ofEntries(
            Map.entry("SILENT_SUCCESS", 0x1),
            Map.entry("READ_FENCE", 0x2),
            Map.entry("SEND_AND_SOLICIT_EVENT", 0x4),
            Map.entry("ALLOW_REMOTE_READ", 0x8),
            Map.entry("ALLOW_LOCAL_WRITE", 0x10),
            Map.entry("ALLOW_REMOTE_WRITE", 0x30),
            Map.entry("INLINE", 0x40),
            Map.entry("RDMA_READ_SINK", 0x80),
            Map.entry("RDMA_READ_LOCAL_INVALIDATE", 0x100),
            Map.entry("DEFER", 0x200)),
        valuesOf(NdkOpFlag.values(), NdkOpFlag::value));
  }

  @Test
  void mrFlags() {
    assertEquals(
        Map.of(
            "ALLOW_LOCAL_READ", 0,
            "ALLOW_LOCAL_WRITE", 1,
            "ALLOW_REMOTE_READ", 2,
            "ALLOW_REMOTE_WRITE", 5,
            "RDMA_READ_SINK", 8),
        valuesOf(NdkMrFlag.values(), NdkMrFlag::value));
  }

  @Test
  void adapterFlags() {
    assertEquals(
        Map.of(
            "IN_ORDER_DMA_SUPPORTED", 0x1,
            "RDMA_READ_SINK_NOT_REQUIRED", 0x2,
            "CQ_INTERRUPT_MODERATION_SUPPORTED", 0x4,
            "MULTI_ENGINE_SUPPORTED", 0x8,
            "RDMA_READ_LOCAL_INVALIDATE_SUPPORTED", 0x10,
            "CQ_RESIZE_SUPPORTED", 0x100,
            "LOOPBACK_CONNECTIONS_SUPPORTED", 0x10000),
        valuesOf(NdkAdapterFlag.values(), NdkAdapterFlag::value));
  }

  @Test
  void operationTypes() {
    assertEquals(
        Map.of(
            "RECEIVE", 1,
            "SEND", 2,
            "FAST_REGISTER", 4,
            "BIND", 8,
            "INVALIDATE", 16,
            "READ", 32,
            "WRITE", 64,
            "RECEIVE_AND_INVALIDATE", 0x8001),
        valuesOf(NdkOperationType.values(), NdkOperationType::value));
  }

  @Test
  void cqNotificationTypes() {
    assertEquals(
        Map.of("ERRORS", 0, "ANY", 1, "SOLICITED", 2),
        valuesOf(NdkCqNotificationType.values(), NdkCqNotificationType::value));
  }

  @Test
  void rdmaTechnologies() {
    assertEquals(
        Map.of(
            "UNDEFINED", 0,
            "IWARP", 1,
            "INFINIBAND", 2,
            "ROCE", 3,
            "ROCEV2", 4,
            "MAX_TECHNOLOGY", 5),
        valuesOf(NdkRdmaTechnology.values(), NdkRdmaTechnology::value));
  }

  @Test
  void fromValueInvertsValue() {
    assertEquals(NdkObjectType.SRQ, NdkObjectType.fromValue(10));
    assertEquals(NdkOperationType.RECEIVE_AND_INVALIDATE, NdkOperationType.fromValue(32769));
    assertEquals(NdkCqNotificationType.SOLICITED, NdkCqNotificationType.fromValue(2));
    assertEquals(NdkRdmaTechnology.ROCEV2, NdkRdmaTechnology.fromValue(4));
  }
}
