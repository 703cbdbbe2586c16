package org.rnicsim.model.adapter.completion;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.QueueStatistic;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.adapter.dma.DmaEngines;
import org.rnicsim.model.trace.ModelTraceEvent.CqeWritten;

/**
 * Writes CQEs into CQ rings by DMA: after the CQE processing latency the write goes through the DMA
 * engines and the device-to-host direction, behind any payload written before it, so a receive CQE
 * never lands before its data. After a surprise removal there is no device to write anything: the
 * driver completes what is left itself, at once and without PCIe traffic.
 *
 * <p>Statistics under {@code <name>}: {@code .cqes}, {@code .errorCqes}, {@code .overruns}, and the
 * queue {@code <adapter>.cqeWriter}: a CQE is in it from when its completion is decided until it
 * lands in host memory.
 */
public final class CqeWriter {
  private final RnicSimulator simulator;
  private final String adapterName;
  private final DmaEngines dma;
  private final long cqeBytes;
  private final long cqeProcessingPs;
  private final Counter cqes;
  private final Counter errorCqes;
  private final Counter overruns;
  private final QueueStatistic queue;
  private final Trace trace;
  private boolean deviceGone;

  public CqeWriter(
      RnicSimulator simulator,
      String adapterName,
      DmaEngines dma,
      long cqeBytes,
      long cqeProcessingPs,
      StatisticsRegistry stats) {
    this.simulator = simulator;
    this.adapterName = adapterName;
    this.dma = dma;
    this.cqeBytes = cqeBytes;
    this.cqeProcessingPs = cqeProcessingPs;
    String prefix = adapterName + ".cqeWriter";
    this.cqes = stats.counter(prefix + ".cqes");
    this.errorCqes = stats.counter(prefix + ".errorCqes");
    this.overruns = stats.counter(prefix + ".overruns");
    this.queue = stats.queue(prefix);
    this.trace = simulator.trace();
  }

  /** From now on CQEs are completed by the driver, not written by DMA (surprise removal). */
  public void deviceRemoved() {
    deviceGone = true;
  }

  /**
   * Writes one CQE whose completion was decided at {@code readyAtPs}; returns when it lands in host
   * memory, or -1 if the CQ is gone or full.
   */
  public long write(
      CompletionQueue cq,
      long readyAtPs,
      long wrId,
      int qpn,
      WorkOpcode opcode,
      CompletionStatus status,
      long byteLength) {
    if (cq == null || cq.isDestroyed()) {
      return -1;
    }
    long landsAtPs;
    CompletionStatus written = status;
    if (deviceGone) {
      landsAtPs = simulator.nowPs();
      written = status == CompletionStatus.SUCCESS ? status : CompletionStatus.ADAPTER_REMOVED;
    } else {
      landsAtPs = dma.write(readyAtPs + cqeProcessingPs, cqeBytes);
      queue.record(Math.max(readyAtPs, simulator.nowPs()), landsAtPs);
    }
    cqes.increment();
    if (written != CompletionStatus.SUCCESS) {
      errorCqes.increment();
    }
    if (!cq.append(wrId, qpn, opcode, written, byteLength, landsAtPs)) {
      overruns.increment();
      return -1;
    }
    if (trace.isOn()) {
      trace.emit(
          new CqeWritten(
              simulator.nowPs(), adapterName, cq.cqn(), qpn, wrId, written.name(), landsAtPs));
    }
    return landsAtPs;
  }
}
