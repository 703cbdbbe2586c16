package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.api.struct.NdkVersion;

/**
 * A fake provider behind a verifier, with a manual clock and an opened adapter; helpers build the
 * usual objects with inline creates, whatever the fake's create knob says afterwards.
 */
final class Rig {

  static final List<NdkSge> SGL = List.of(new NdkSge(0x1000, 64, 0x4321));

  long nowPs;
  final FakeProvider fake = new FakeProvider();
  final LifetimeVerifier verifier;
  final NdkProvider provider;
  final NdkAdapter adapter;

  /** CQ notifications the consumer received, as "CQ#n status". */
  final List<String> notifications = new ArrayList<>();

  Rig() {
    this(VerifierMode.COLLECTING, true);
  }

  /**
   * @param probe whether the fake reports CQ entries and modelled callback times to the verifier
   */
  Rig(VerifierMode mode, boolean probe) {
    this(mode, probe, fake -> {});
  }

  /**
   * @param setup configures the fake before the adapter is opened
   */
  Rig(VerifierMode mode, boolean probe, java.util.function.Consumer<FakeProvider> setup) {
    setup.accept(fake);
    verifier = LifetimeVerifier.builder(() -> nowPs).mode(mode).build();
    if (probe) {
      fake.probe = verifier.probe();
      fake.probe.reportsCqEntries();
    }
    provider = verifier.wrap(fake);
    adapter = provider.openAdapter(NdisOpenNdkAdapterParameters.of(NdkVersion.V1_2)).adapter();
  }

  void advance(long ps) {
    nowPs += ps;
  }

  /** The provider's object behind a wrapper. */
  @SuppressWarnings("unchecked")
  <T> T inner(NdkObject wrapper) {
    return (T) ((VerifyingObject) wrapper).shadow.inner;
  }

  private <T extends NdkObject> T inline(java.util.function.Supplier<T> create) {
    NtStatus before = fake.createAnswer;
    fake.createAnswer = NtStatus.SUCCESS;
    try {
      return create.get();
    } finally {
      fake.createAnswer = before;
    }
  }

  NdkPd pd() {
    return inline(() -> adapter.createPd(null, null).object());
  }

  NdkCq cq() {
    return cq((ctx, status) -> notifications.add(ctx + " " + status));
  }

  NdkCq cq(NdkFnCqNotificationCallback notification) {
    return inline(() -> adapter.createCq(64, notification, "cq", null, null, null).object());
  }

  NdkQp qp(NdkPd pd, NdkCq cq, Object qpContext) {
    return inline(() -> pd.createQp(cq, cq, qpContext, 16, 16, 2, 2, 0, null, null).object());
  }

  NdkMr mr(NdkPd pd) {
    return inline(() -> pd.createMr(false, null, null).object());
  }

  NdkConnector connector() {
    return inline(() -> adapter.createConnector(null, null).object());
  }

  NdkListener listener(List<NdkConnector> handedOut) {
    return inline(
        () -> adapter.createListener((ctx, c) -> handedOut.add(c), null, null, null).object());
  }

  /** Drains every entry from {@code cq}. */
  int drain(NdkCq cq) {
    NdkResult[] results = new NdkResult[16];
    int total = 0;
    int n;
    while ((n = cq.getCqResults(results)) > 0) {
      total += n;
    }
    return total;
  }

  /** The invariant numbers reported so far, without running the audit. */
  Set<Integer> reported() {
    Set<Integer> numbers = new TreeSet<>();
    for (Violation v : verifier.violations()) {
      numbers.add(v.invariantNumber());
    }
    return numbers;
  }

  /** Runs the audit and returns every invariant number reported. */
  Set<Integer> audited() {
    verifier.audit();
    return reported();
  }

  /** Asserts the only invariant reported (audit included) is {@code number}, by {@code side}. */
  void assertOnly(int number, Side side) {
    Set<Integer> numbers = audited();
    assertEquals(Set.of(number), numbers, verifier::report);
    for (Violation v : verifier.violations()) {
      assertEquals(side, v.side(), verifier::report);
    }
  }

  /** Asserts every violation is the consumer breaking one of {@code rules}, each at least once. */
  void assertOnlyConsumer(ConsumerRule... rules) {
    audited();
    Set<ConsumerRule> found = new java.util.TreeSet<>();
    for (Violation v : verifier.violations()) {
      assertEquals(Side.CONSUMER, v.side(), verifier::report);
      found.add(v.consumerRule());
    }
    assertEquals(Set.of(rules), found, verifier::report);
  }

  /** Asserts the audit finds nothing at all. */
  void assertClean() {
    Set<Integer> numbers = audited();
    assertTrue(numbers.isEmpty(), verifier::report);
  }
}
