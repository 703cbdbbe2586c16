package org.rnicsim.model.pcie;

import org.rnicsim.engine.SimEvent;

/**
 * One non-posted DMA read in flight: the request TLPs went upstream, the host completer is fetching
 * the data, and the completions come back downstream. It is its own event twice (completions ready
 * at the host, last completion byte at the adapter), so a read costs two events and no allocation
 * beyond itself. Subclasses say what happens when the data has arrived.
 */
public abstract class DmaRead extends SimEvent {
  private PcieLink link;
  private long payloadBytes;
  private long hostToDeviceTlps;
  private long hostToDeviceWireBytes;
  private boolean completionsSent;
  private Observer observer;

  /** Told first when the data of a read arrives; the adapter's read-tag pool is one. */
  public interface Observer {
    void dataArrived(DmaRead read);
  }

  /**
   * Called at the simulated time the last completion byte has reached the adapter, or earlier by up
   * to {@link #cutThroughLeadPs()} for a reader that streams the data on as it comes in.
   */
  protected abstract void onDataArrived();

  /**
   * How long before the last completion byte arrives the reader may act on the data: 0 for a reader
   * that needs all of it (a WQE), the time it takes to pass the data on for one that forwards it as
   * a stream (cut-through: a packet may start on the wire once the rest of its payload arrives
   * faster than the wire sends it). The lead never goes back past the first completion's arrival.
   */
  protected long cutThroughLeadPs() {
    return 0;
  }

  /** A read whose arrival runs {@code action}. */
  public static DmaRead of(Runnable action) {
    return new DmaRead() {
      @Override
      protected void onDataArrived() {
        action.run();
      }
    };
  }

  public final long payloadBytes() {
    return payloadBytes;
  }

  /** Sets who is told first when this read's data arrives; null for nobody. */
  public final void observeWith(Observer newObserver) {
    this.observer = newObserver;
  }

  final void start(PcieLink owner, long bytes, long completionTlps, long completionWireBytes) {
    if (link != null && isScheduled()) {
      throw new IllegalStateException("a DMA read object is already in flight");
    }
    this.link = owner;
    this.payloadBytes = bytes;
    this.hostToDeviceTlps = completionTlps;
    this.hostToDeviceWireBytes = completionWireBytes;
    this.completionsSent = false;
  }

  @Override
  protected final void fire() {
    if (!completionsSent) {
      completionsSent = true;
      link.sendCompletions(this, hostToDeviceTlps, hostToDeviceWireBytes);
    } else {
      if (observer != null) {
        observer.dataArrived(this);
      }
      onDataArrived();
    }
  }
}
