package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.rnicsim.ndk.api.NdkCloseableObject;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * Random well-formed programs against a fake provider that keeps the contract give no violation,
 * and a provider that breaks the antecedent rule is caught exactly when it matters.
 */
class WellBehavedProgramPropertyTest {

  private static final List<String> OBJECTS =
      List.of("pd", "cq", "srq", "mr", "mw", "qp", "qpSrq", "connector");

  /** Successor -> its antecedents, as ndkpi-spec 1 links them in {@link #build}. */
  private static final Map<String, Set<String>> ANTECEDENTS =
      Map.of(
          "srq", Set.of("pd"),
          "mr", Set.of("pd"),
          "mw", Set.of("pd"),
          "qp", Set.of("pd", "cq"),
          "qpSrq", Set.of("pd", "cq", "srq"),
          "connector", Set.of("qp"));

  private static Map<String, NdkCloseableObject> build(Rig rig) {
    NdkPd pd = rig.pd();
    NdkCq cq = rig.cq();
    NdkSrq srq = pd.createSrq(16, 1, 0, null, null, null, null, null).object();
    NdkQp qp = rig.qp(pd, cq, "qp");
    NdkConnector connector = rig.connector();
    connector.connect(
        qp,
        NdkSockAddr.of("10.0.0.1", 0),
        NdkSockAddr.of("10.0.0.2", 9),
        1,
        1,
        null,
        (ctx, status) -> {},
        null);
    rig.fake.last("Connect").completeRequest(NtStatus.SUCCESS);
    Map<String, NdkCloseableObject> objects = new LinkedHashMap<>();
    objects.put("pd", pd);
    objects.put("cq", cq);
    objects.put("srq", srq);
    objects.put("mr", rig.mr(pd));
    objects.put("mw", pd.createMw(null, null).object());
    objects.put("qp", qp);
    objects.put("qpSrq", pd.createQpWithSrq(cq, cq, srq, "qpSrq", 16, 1, 0, null, null).object());
    objects.put("connector", connector);
    return objects;
  }

  private static boolean antecedentBeforeSuccessor(List<String> order) {
    for (Map.Entry<String, Set<String>> e : ANTECEDENTS.entrySet()) {
      for (String antecedent : e.getValue()) {
        if (order.indexOf(antecedent) < order.indexOf(e.getKey())) {
          return true;
        }
      }
    }
    return false;
  }

  @Provide
  Arbitrary<List<String>> closeOrders() {
    return Arbitraries.shuffle(OBJECTS);
  }

  @Property(tries = 200)
  void anyCloseOrderCompletedSuccessorsFirstIsClean(
      @ForAll("closeOrders") List<String> order, @ForAll long seed) {
    Rig rig = new Rig();
    Map<String, NdkCloseableObject> objects = build(rig);
    rig.fake.closeAnswer = NtStatus.PENDING;
    Map<String, FakeProvider.Call> pending = new LinkedHashMap<>();
    for (String name : order) {
      objects.get(name).closeObject(ctx -> {}, null);
      pending.put(name, rig.fake.last("Close"));
      rig.advance(1_000);
    }
    SplittableRandom random = new SplittableRandom(seed);
    while (!pending.isEmpty()) {
      List<String> ready = new ArrayList<>();
      for (String name : pending.keySet()) {
        boolean successorsDone = true;
        for (Map.Entry<String, Set<String>> e : ANTECEDENTS.entrySet()) {
          successorsDone &= !(e.getValue().contains(name) && pending.containsKey(e.getKey()));
        }
        if (successorsDone) {
          ready.add(name);
        }
      }
      String next = ready.get(random.nextInt(ready.size()));
      pending.remove(next).completeClose();
      rig.advance(1_000);
    }
    rig.assertClean();
  }

  @Property(tries = 200)
  void providerCompletingClosesInIssueOrderIsCaughtExactlyWhenThatBreaksInvariant10(
      @ForAll("closeOrders") List<String> order) {
    Rig rig = new Rig();
    Map<String, NdkCloseableObject> objects = build(rig);
    rig.fake.closeAnswer = NtStatus.PENDING;
    List<FakeProvider.Call> closes = new ArrayList<>();
    for (String name : order) {
      objects.get(name).closeObject(ctx -> {}, null);
      closes.add(rig.fake.last("Close"));
    }
    closes.forEach(FakeProvider.Call::completeClose);
    Set<Integer> reported = rig.audited();
    assertEquals(antecedentBeforeSuccessor(order) ? Set.of(10) : Set.of(), reported);
  }

  /** One post of a random program. */
  record Step(int kind, boolean defer, boolean silent, boolean failsInline) {}

  @Provide
  Arbitrary<Step> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 9).map(n -> n == 0))
        .as(Step::new);
  }

  @Property(tries = 300)
  void postsCompletedOnceEachInAnyOrderAreClean(
      @ForAll @Size(max = 24) List<@net.jqwik.api.From("steps") Step> program,
      @ForAll boolean flushAtTheEnd,
      @ForAll boolean providerReportsEntries,
      @ForAll long seed) {
    Rig rig = new Rig(VerifierMode.COLLECTING, providerReportsEntries);
    NdkCq cq = rig.cq();
    NdkQp qp = rig.qp(rig.pd(), cq, "qp");
    FakeQueues.FakeQp fakeQp = rig.inner(qp);
    int i = 0;
    for (Step step : program) {
      rig.fake.postAnswer = step.failsInline() ? NtStatus.CONNECTION_INVALID : NtStatus.SUCCESS;
      int flags =
          (step.defer() ? NdkOpFlag.DEFER.value() : 0)
              | (step.silent() ? NdkOpFlag.SILENT_SUCCESS.value() : 0);
      String ctx = "p" + i++;
      switch (step.kind()) {
        case 0 -> qp.write(ctx, Rig.SGL, 0, 0, flags);
        case 1 -> qp.send(ctx, Rig.SGL, flags);
        default -> qp.receive(ctx, Rig.SGL);
      }
      rig.advance(1_000);
    }
    rig.fake.postAnswer = NtStatus.SUCCESS;
    qp.write("last", Rig.SGL, 0, 0, 0); // ends any DEFER chain (the consumer's duty)
    if (flushAtTheEnd) {
      qp.flush();
    }
    List<FakeQueues.Post> owed = new ArrayList<>();
    for (FakeQueues.Post post : fakeQp.posts) {
      boolean silentSuccess = (post.flags() & NdkOpFlag.SILENT_SUCCESS.value()) != 0;
      if (flushAtTheEnd || !silentSuccess) {
        owed.add(post);
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    while (!owed.isEmpty()) {
      FakeQueues.Post post = owed.remove(random.nextInt(owed.size()));
      fakeQp.complete(post, flushAtTheEnd ? NtStatus.CANCELLED : NtStatus.SUCCESS);
      rig.advance(1_000);
    }
    rig.drain(cq);
    Set<Integer> reported = rig.audited();
    assertTrue(reported.isEmpty(), rig.verifier::report);
  }
}
