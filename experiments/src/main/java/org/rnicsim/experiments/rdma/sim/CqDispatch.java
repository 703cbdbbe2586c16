package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.host.CpuCore;

/**
 * One consumer thread's view of a CQ that several QPs share: when the CQ is ready (polled or
 * interrupted, see {@link CompletionWatch}) it takes every landed CQE and hands each to the handler
 * of its QP. A failed completion is a broken model or study, never a result, so it stops the job.
 */
final class CqDispatch {
  private final CompletionQueue cq;
  private final Map<Integer, Consumer<Completion>> handlers = new HashMap<>();
  private final List<Completion> polled = new ArrayList<>();

  CqDispatch(CompletionWatch watch, AdapterNode node, CompletionQueue cq, CpuCore core) {
    this.cq = cq;
    watch.watch(node, cq, core, this::poll);
  }

  /** Completions of QP {@code qpn} go to {@code handler}. */
  void route(int qpn, Consumer<Completion> handler) {
    handlers.put(qpn, handler);
  }

  private void poll() {
    polled.clear();
    cq.poll(Integer.MAX_VALUE, polled);
    for (Completion completion : polled) {
      if (!completion.isSuccess()) {
        throw new IllegalStateException("a work request failed: " + completion);
      }
      Consumer<Completion> handler = handlers.get(completion.qpn());
      if (handler != null) {
        handler.accept(completion);
      }
    }
  }
}
