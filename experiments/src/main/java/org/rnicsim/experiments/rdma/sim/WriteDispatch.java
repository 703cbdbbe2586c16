package org.rnicsim.experiments.rdma.sim;

import java.util.HashMap;
import java.util.Map;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.transport.QueuePair;

/**
 * Tells each QP's consumer when an RDMA WRITE to it has landed in host memory, the moment a core
 * polling the last byte of its buffer could see it (ib_write_lat's way of detecting a message).
 */
final class WriteDispatch {
  private final Map<Integer, Runnable> handlers = new HashMap<>();

  WriteDispatch(Rnic rnic) {
    rnic.setWriteLandedListener(
        qp -> {
          Runnable handler = handlers.get(qp.qpn());
          if (handler != null) {
            handler.run();
          }
        });
  }

  void route(QueuePair qp, Runnable handler) {
    handlers.put(qp.qpn(), handler);
  }
}
