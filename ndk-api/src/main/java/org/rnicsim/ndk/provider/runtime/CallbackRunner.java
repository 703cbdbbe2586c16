package org.rnicsim.ndk.provider.runtime;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ProviderObserver;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;

/**
 * Runs consumer callbacks on modelled CPU time: a callback is queued on a core, starts when the
 * core is free (time t, when the consumer's Java code runs), and returns at t + its cost from
 * {@link ProviderPolicy#callbackCostPs}. Its owners count it as running from queueing to return, so
 * their closes wait for it (invariants 7, 8).
 *
 * <p>Callbacks never start inside the provider call that caused them: queueing goes through an
 * event at the current time. So no completion ever runs inline, and invariant 13 (the provider does
 * not touch X after starting a completion from a call on X) holds by construction; the consumer may
 * still close an object from inside its callbacks (re-entry, ndkpi-spec 4). Interp: ndkpi allows
 * inline completions; the provider never uses that freedom.
 */
public final class CallbackRunner {
  private static final Runnable NOTHING = () -> {};
  private static final BooleanSupplier ALWAYS = () -> true;

  private final RnicSimulator simulator;
  private final HostCpu cpu;
  private final ProviderPolicy policy;
  private final Trace trace;
  private ProviderObserver observer = ProviderObserver.NONE;
  private int consumerDepth;

  public CallbackRunner(RnicSimulator simulator, HostCpu cpu, ProviderPolicy policy) {
    this.simulator = simulator;
    this.cpu = cpu;
    this.policy = policy;
    this.trace = simulator.trace();
  }

  public void setObserver(ProviderObserver observer) {
    this.observer = observer;
  }

  /** True while the consumer's code of a callback is executing (Java nesting). */
  public boolean insideCallback() {
    return consumerDepth > 0;
  }

  /**
   * Queues one callback.
   *
   * @param core the host core it runs on (the DPC's core for a completion an interrupt delivered)
   * @param kind what kind of callback, for its cost
   * @param providerWorkPs provider work on the same core just before it (0 for none)
   * @param subject the object it is about, for the trace
   * @param owners objects that count it as running until it returns
   * @param consumerCall calls the consumer; runs at the start
   * @param afterReturn provider bookkeeping at the return, after the owners were told
   */
  public void run(
      int core,
      CallbackKind kind,
      long providerWorkPs,
      Object subject,
      List<? extends CallbackOwner> owners,
      Runnable consumerCall,
      Runnable afterReturn) {
    run(core, kind, providerWorkPs, subject, owners, ALWAYS, consumerCall, afterReturn);
  }

  /**
   * As {@link #run(int, CallbackKind, long, Object, List, Runnable, Runnable)}, with a condition
   * checked just before the start: if it no longer holds (for example the CQ's close was issued
   * since the notification was queued), the consumer is not called and the callback costs nothing;
   * its owners learn at that moment that it is over.
   */
  public void run(
      int core,
      CallbackKind kind,
      long providerWorkPs,
      Object subject,
      List<? extends CallbackOwner> owners,
      BooleanSupplier stillWanted,
      Runnable consumerCall,
      Runnable afterReturn) {
    for (CallbackOwner owner : owners) {
      owner.callbackQueued();
    }
    long costPs = policy.callbackCostPs(kind);
    CpuCore cpuCore = cpu.core(core);
    Runnable returned =
        () -> {
          for (CallbackOwner owner : owners) {
            owner.callbackReturned();
          }
          afterReturn.run();
        };
    CpuCore.Work callback =
        new CpuCore.Work(
            CpuWorkKind.CALLBACK,
            costPs,
            () -> start(kind, subject, cpuCore.index(), costPs, consumerCall),
            () -> {
              if (trace.isOn()) {
                trace.emit(
                    new ProviderTraceEvent.CallbackReturned(
                        simulator.nowPs(), kind, String.valueOf(subject)));
              }
              returned.run();
            });
    // The provider's DPC work ends with the decision: the callback starts right then (submitted
    // from the return of the work before it, it goes ahead of anything queued meanwhile) or, no
    // longer wanted, is dropped without spending its cost.
    CpuCore.Work providerWork =
        new CpuCore.Work(
            CpuWorkKind.DPC,
            providerWorkPs,
            NOTHING,
            () -> {
              if (stillWanted.getAsBoolean()) {
                cpuCore.submit(callback);
              } else {
                returned.run();
              }
            });
    simulator.schedule(0, () -> cpuCore.submit(providerWork));
  }

  private void start(
      CallbackKind kind, Object subject, int core, long costPs, Runnable consumerCall) {
    long returnPs = simulator.nowPs() + costPs;
    if (trace.isOn()) {
      trace.emit(
          new ProviderTraceEvent.CallbackStarted(
              simulator.nowPs(), kind, String.valueOf(subject), core, returnPs));
    }
    observer.callbackStarting(kind, returnPs);
    consumerDepth++;
    try {
      consumerCall.run();
    } finally {
      consumerDepth--;
    }
  }
}
