package org.rnicsim.model.adapter.transport;

import java.util.HashMap;
import java.util.Map;

/**
 * The memory keys a consumer's registrations created on this adapter, each naming its region's
 * protection (MPT) entry. A registration may hand out two keys for one entry (an NDK MR's local and
 * remote tokens, where mlx5 uses one mkey for both), so both resolve to the entry's key. A key
 * nobody registered, or one deregistered or invalidated, names no entry: an access with it is
 * refused once the adapter has read the MPT to find that out ({@link TransportContext#translate}).
 */
final class MemoryKeys {
  /** What a key names: the MPT entry and the region {@code [address, address + lengthBytes)}. */
  record Entry(int entryKey, long address, long lengthBytes) {
    /**
     * Whether the region holds all of {@code [from, from + bytes)}: the protection check the MPT
     * entry lets the adapter make (IBA chapter 10, memory protection: the key must be valid and the
     * access within the region's bounds).
     */
    boolean covers(long from, long bytes) {
      return from >= address && bytes <= lengthBytes && from - address <= lengthBytes - bytes;
    }
  }

  private final Map<Integer, Entry> entryOfKey = new HashMap<>();

  // The last key asked for and its answer: a loop that uses one key then boxes no Integer per
  // lookup (the NDK loop of bench model). Forgotten whenever a key is created or destroyed.
  private int lastKey;
  private Entry lastEntry;

  void created(int entryKey, int otherKey, long address, long lengthBytes) {
    Entry entry = new Entry(entryKey, address, lengthBytes);
    entryOfKey.put(entryKey, entry);
    entryOfKey.put(otherKey, entry);
    lastEntry = null;
  }

  void destroyed(int entryKey, int otherKey) {
    entryOfKey.remove(entryKey);
    entryOfKey.remove(otherKey);
    lastEntry = null;
  }

  /** What {@code key} names, or null for a key that names no entry. */
  Entry entryOf(int key) {
    if (lastEntry != null && key == lastKey) {
      return lastEntry;
    }
    Entry entry = entryOfKey.get(key);
    lastKey = key;
    lastEntry = entry;
    return entry;
  }
}
