package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.trace.RecordingSink;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.profile.ReferenceProfiles;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;
import org.rnicsim.ndk.provider.runtime.ProviderTraceEvent;

/** Same seed, same sequence of callbacks at the same simulated times. */
class DeterminismTest {

  /** A consumer program touching creates, requests, posts, notifications and closes. */
  private static List<String> runWithSeed(long seed) {
    RnicSimulator sim = new RnicSimulator("determinism");
    RecordingSink sink = new RecordingSink();
    sim.trace().addSink(sink);
    FirmwareConfig firmware = ReferenceProfiles.connectX4EdrGen3x16().firmware().config();
    for (FirmwareCommandKind kind : FirmwareCommandKind.values()) {
      firmware =
          firmware.withLatency(
              kind, new CommandLatency.Uniform(5 * SimTime.PS_PER_US, 60 * SimTime.PS_PER_US));
    }
    HardwareConfig hardware = HardwareConfig.assumedDefaults().withFirmware(firmware);
    ProviderRig rig = new ProviderRig(sim, b -> b.seed(seed, 0).hardware(hardware));
    NdkCq cq = rig.cq(128, (ctx, s) -> {}, null);
    NdkPd pd = rig.pd();
    SimQp[] qps = rig.connectedPair(pd, cq);
    NdkMr mr = rig.create(cb -> pd.createMr(false, cb, null));
    mr.registerMr(Mdl.of(0x10000, 1 << 20), 1 << 20, 0, (c, s) -> {}, null);
    cq.armCq(NdkCqNotificationType.ANY);
    List<NdkSge> sgl = List.of(new NdkSge(0x10000, 1024, mr.getLocalTokenFromMr()));
    for (int i = 0; i < 4; i++) {
      qps[1].receive("r" + i, sgl);
      qps[0].send("s" + i, sgl, 0);
    }
    rig.sim.schedule(
        50 * SimTime.PS_PER_US,
        () -> {
          for (var object : List.of(qps[0], qps[1], mr, pd, cq)) {
            object.closeObject(c -> {}, null);
          }
          rig.provider.closeAdapter(rig.adapter);
        });
    rig.run();
    return sink.events().stream()
        .filter(e -> e instanceof ProviderTraceEvent)
        .map(Object::toString)
        .toList();
  }

  @Test
  void sameSeedGivesTheSameCallbacksAtTheSameTimes() {
    List<String> first = runWithSeed(7);
    List<String> second = runWithSeed(7);
    assertTrue(first.size() > 20, "a real run: " + first.size() + " provider events");
    assertEquals(first, second);
    assertNotEquals(first, runWithSeed(8), "another seed draws other firmware latencies");
  }
}
