package org.rnicsim.model.adapter;

import java.util.function.Consumer;
import org.rnicsim.model.adapter.cache.AdapterCaches;
import org.rnicsim.model.adapter.control.ControlCommand;
import org.rnicsim.model.adapter.transport.RcTransport;

/**
 * An adapter's memory registrations: the REGISTER_MR / DEREGISTER_MR firmware commands, and what
 * the adapter keeps once one completed (the region's MPT entry, the keys that name it, the cached
 * translations dropped at deregistration). A driver either runs the command here ({@link
 * #register}, {@link #deregister}) or runs it on the adapter's command queue itself and reports its
 * completion ({@link #registered}, {@link #deregistered}, as the NDK provider's RegisterMr does);
 * both end in the same bookkeeping.
 */
public final class AdapterMemory {
  private final Rnic rnic;
  private final AdapterCaches caches;
  private final RcTransport transport;
  private final long translationPageBytes;
  private int nextMemoryKey = 1;

  AdapterMemory(Rnic rnic, AdapterCaches caches, RcTransport transport, long translationPageBytes) {
    this.rnic = rnic;
    this.caches = caches;
    this.transport = transport;
    this.translationPageBytes = translationPageBytes;
  }

  /**
   * Registers {@code [address, address + lengthBytes)} for DMA; {@code onRegistered} gets its key.
   * The command's latency grows with the page count in a firmware command queue; the translations
   * themselves are fetched into the translation cache on first use.
   */
  public void register(
      long address, long lengthBytes, Consumer<Integer> onRegistered, Consumer<String> onFailed) {
    int key = nextMemoryKey++;
    rnic.run(
        new ControlCommand.RegisterMemory(key, pagesOf(address, lengthBytes)),
        () -> {
          registered(key, key, address, lengthBytes);
          onRegistered.accept(key);
        },
        onFailed);
  }

  /** Deregisters a region; its cached protection entry and translations are dropped. */
  public void deregister(int key, long address, long lengthBytes, Runnable onDone) {
    rnic.run(
        new ControlCommand.DeregisterMemory(key, pagesOf(address, lengthBytes)),
        () -> {
          deregistered(key, key, address, lengthBytes);
          onDone.run();
        },
        rnic::failed);
  }

  /**
   * A registration's firmware command completed: the firmware wrote the region's MPT entry, under
   * {@code localKey}, and the adapter keeps it. {@code remoteKey} names the same entry (an NDK MR's
   * two tokens; mlx5 has one mkey for both).
   */
  public void registered(int localKey, int remoteKey, long address, long lengthBytes) {
    caches.memoryRegistered(localKey, address, lengthBytes);
    transport.memoryKeysCreated(localKey, remoteKey, address, lengthBytes);
  }

  /**
   * A deregistration's firmware command completed (or an invalidation ran): {@code localKey} and
   * {@code remoteKey} name no entry any more, so the adapter refuses accesses with them, and the
   * region's cached entries are dropped.
   */
  public void deregistered(int localKey, int remoteKey, long address, long lengthBytes) {
    caches.memoryDeregistered(localKey, address);
    transport.memoryKeysDestroyed(localKey, remoteKey);
    transport.forgetTranslations(address, lengthBytes);
  }

  /**
   * A memory window was bound over {@code [address, address + lengthBytes)} of a registered region
   * (an NDK Bind post): the window is an MPT entry of its own under {@code windowKey}, written by
   * the adapter as it ran the bind, so it is cached. Unkeyed accesses still find the region's
   * entry.
   */
  public void windowBound(int windowKey, long address, long lengthBytes) {
    caches.mpts().preload(windowKey);
    transport.memoryKeysCreated(windowKey, windowKey, address, lengthBytes);
  }

  /** The window of {@code windowKey} was invalidated or closed: accesses with it are refused. */
  public void windowUnbound(int windowKey) {
    caches.mpts().invalidate(windowKey);
    transport.memoryKeysDestroyed(windowKey, windowKey);
  }

  private long pagesOf(long address, long lengthBytes) {
    long first = address / translationPageBytes;
    long last = (address + Math.max(1, lengthBytes) - 1) / translationPageBytes;
    return last - first + 1;
  }
}
