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

  /** Called at the simulated time the last completion byte has reached the adapter. */
  protected abstract void onDataArrived();

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
