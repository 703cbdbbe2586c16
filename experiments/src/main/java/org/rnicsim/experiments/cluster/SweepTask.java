package org.rnicsim.experiments.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

/**
 * One job sent to a member: a JSON {@link JobMessages.JobMessage} in, a JSON {@link
 * JobMessages.JobReply} out. It crosses the wire as one string through Hazelcast's own data
 * serialization, not Java serialization.
 */
final class SweepTask
    implements Callable<String>, IdentifiedDataSerializable, HazelcastInstanceAware {
  static final int FACTORY_ID = 0x726e6963; // "rnic"
  private static final int CLASS_ID = 1;

  private String message;

  /** The worker's job slots, shared by the studies it serves; null on a driver's member. */
  private Semaphore slots;

  /** For the factory, which fills it from the wire. */
  SweepTask() {}

  SweepTask(String message) {
    this.message = message;
  }

  @Override
  public String call() throws InterruptedException {
    if (slots == null) {
      return JobHandler.INSTANCE.run(message);
    }
    slots.acquire();
    try {
      return JobHandler.INSTANCE.run(message);
    } finally {
      slots.release();
    }
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance member) {
    slots = (Semaphore) member.getUserContext().get(ClusterMember.JOB_SLOTS);
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(message);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    message = in.readString();
  }

  @Override
  public int getFactoryId() {
    return FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }

  /** Makes empty tasks for Hazelcast to read into. */
  static final class Factory implements DataSerializableFactory {
    @Override
    public IdentifiedDataSerializable create(int typeId) {
      return typeId == CLASS_ID ? new SweepTask() : null;
    }
  }
}
