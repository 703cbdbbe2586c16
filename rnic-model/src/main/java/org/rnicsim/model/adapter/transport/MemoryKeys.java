package org.rnicsim.model.adapter.transport;

import java.util.HashMap;
import java.util.Map;

/**
 * The memory keys a consumer's registrations created on this adapter, each naming its region's
 * protection (MPT) entry. A registration may hand out two keys for one entry (an NDK MR's local and
 * remote tokens, where mlx5 uses one mkey for both), so both resolve to the entry's key. A key
 * nobody registered, or one deregistered, names no entry.
 */
final class MemoryKeys {
  private final Map<Integer, Integer> entryOfKey = new HashMap<>();

  void created(int entryKey, int otherKey) {
    entryOfKey.put(entryKey, entryKey);
    entryOfKey.put(otherKey, entryKey);
  }

  void destroyed(int entryKey, int otherKey) {
    entryOfKey.remove(entryKey);
    entryOfKey.remove(otherKey);
  }

  /** The MPT entry's key {@code key} names, or {@code -1} for a key that names none. */
  long entryOf(int key) {
    Integer entry = entryOfKey.get(key);
    return entry == null ? -1 : entry;
  }
}
