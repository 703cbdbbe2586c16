package org.rnicsim.experiments.script;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.study.Duration;
import org.rnicsim.experiments.study.Size;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.consumer.Step;

/**
 * The step vocabulary of lessons and {@code ndk-script} studies, one record a step key: the record
 * {@code CreateCq} is the key {@code createCq}, its components are the keys the step takes (bound
 * by Jackson, so any other key is refused with the known ones), and its {@link #bind} checks the
 * values and makes the model's {@link Step}. The order here is the order messages and the schema
 * list the keys ({@code permits} says the order). A new step kind is one record here, named in
 * {@code permits} (the binding, the messages and the schema follow), plus its model record and
 * runner in ndk-api's {@link Step}.
 */
public sealed interface StepSpec
    permits StepSpec.OpenAdapter,
        StepSpec.CreateCq,
        StepSpec.CreatePd,
        StepSpec.CreateMr,
        StepSpec.CreateQp,
        StepSpec.CreateConnector,
        StepSpec.CreateListener,
        StepSpec.Listen,
        StepSpec.Connect,
        StepSpec.Accept,
        StepSpec.CompleteConnect,
        StepSpec.Disconnect,
        StepSpec.ArmCq,
        StepSpec.ControlCqInterruptModeration,
        StepSpec.Posting,
        StepSpec.Flush,
        StepSpec.GetCqResults,
        StepSpec.Close,
        StepSpec.CloseAdapter,
        StepSpec.WaitFor,
        StepSpec.RunFor,
        StepSpec.RunUntil,
        StepSpec.Settle,
        StepSpec.Repeat,
        StepSpec.WhenNotified,
        StepSpec.FailNextCommand,
        StepSpec.Measure {
  long DEFAULT_CQ_DEPTH = 64;
  long DEFAULT_QP_DEPTH = 16;
  long DEFAULT_INLINE_BYTES = 64;
  long DEFAULT_POST_BYTES = 64;
  long DEFAULT_PORT = 4791;
  long MAX_ULONG = 4_294_967_295L;

  /** The model step these values make; null after reporting why there is none. */
  Step bind(StepCheck c);

  /** A step whose bare value is its first key: {@code close: qp} is {@code close: {object: qp}}. */
  interface Named {}

  /** A step that takes one value, not a mapping: {@code runFor: 5us}. */
  interface Valued {}

  /** A receive, send or write: the same keys, checked the same way. */
  sealed interface Posting extends StepSpec, Named
      permits StepSpec.Receive, StepSpec.Send, StepSpec.Write {
    String qp();

    Long count();

    Size bytes();

    List<String> flags();

    Boolean deferAll();

    Step.PostKind kind();

    @Override
    default Step bind(StepCheck c) {
      return StepChoices.post(kind(), c, qp(), count(), bytes(), flags(), deferAll());
    }
  }

  record OpenAdapter(String as, String host) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.OpenAdapter(c.declare("as", as), c.hostIfGiven("host", host));
    }
  }

  record CreateCq(String as, String adapter, Long depth, Long core) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.CreateCq(
          c.declare("as", as),
          c.useIfGiven("adapter", adapter),
          c.integer("depth", depth, 1, MAX_ULONG, DEFAULT_CQ_DEPTH),
          (int) c.integer("core", core, 0, 63, -1));
    }
  }

  record CreatePd(String as, String adapter) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.CreatePd(c.declare("as", as), c.useIfGiven("adapter", adapter));
    }
  }

  record CreateMr(String as, String pd, Boolean fastRegister) implements StepSpec {
    @Override
    public Step bind(StepCheck c) {
      return new Step.CreateMr(c.declare("as", as), c.use("pd", pd), c.bool(fastRegister, false));
    }
  }

  record CreateQp(
      String as,
      String pd,
      String cq,
      String receiveCq,
      String initiatorCq,
      Long depth,
      Size inlineData)
      implements StepSpec {
    @Override
    public Step bind(StepCheck c) {
      String pdName = c.use("pd", pd);
      String both = c.useIfGiven("cq", cq);
      String receive = receiveCq != null ? c.use("receiveCq", receiveCq) : both;
      String initiator = initiatorCq != null ? c.use("initiatorCq", initiatorCq) : both;
      if (receive == null || initiator == null) {
        c.problem(c.path(), "'" + c.path() + "' needs 'cq', or both 'receiveCq' and 'initiatorCq'");
      }
      return new Step.CreateQp(
          c.declare("as", as),
          pdName,
          receive,
          initiator,
          c.integer("depth", depth, 1, 16_384, DEFAULT_QP_DEPTH),
          c.bytes(inlineData, DEFAULT_INLINE_BYTES));
    }
  }

  record CreateConnector(String as, String adapter) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.CreateConnector(c.declare("as", as), c.useIfGiven("adapter", adapter));
    }
  }

  record CreateListener(String as, String adapter) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.CreateListener(c.declare("as", as), c.useIfGiven("adapter", adapter));
    }
  }

  record Listen(String listener, Long port) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.Listen(
          c.use("listener", listener), (int) c.integer("port", port, 1, 65_535, DEFAULT_PORT));
    }
  }

  record Connect(String connector, String qp, String host, Long port) implements StepSpec {
    @Override
    public Step bind(StepCheck c) {
      return new Step.Connect(
          c.use("connector", connector),
          c.use("qp", qp),
          c.host("host", host),
          (int) c.integer("port", port, 1, 65_535, DEFAULT_PORT));
    }
  }

  record Accept(String connector, String qp) implements StepSpec {
    @Override
    public Step bind(StepCheck c) {
      return new Step.Accept(c.use("connector", connector), c.use("qp", qp));
    }
  }

  record CompleteConnect(String connector) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.CompleteConnect(c.use("connector", connector));
    }
  }

  record Disconnect(String connector) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.Disconnect(c.use("connector", connector));
    }
  }

  record ArmCq(String cq, String type) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      String cqName = c.use("cq", cq);
      NdkCqNotificationType chosen =
          type == null ? null : c.choice("type", type, StepChoices.ARM_TYPES);
      return new Step.ArmCq(cqName, chosen != null ? chosen : NdkCqNotificationType.ANY);
    }
  }

  record ControlCqInterruptModeration(String cq, Duration interval, Long count)
      implements StepSpec {
    @Override
    public Step bind(StepCheck c) {
      String cqName = c.use("cq", cq);
      long intervalPs = c.duration(interval, 0);
      if (intervalPs % SimTime.PS_PER_US != 0) {
        c.problem(
            c.at("interval"), "'" + c.at("interval") + "' must be whole microseconds (ULONG us)");
      }
      return new Step.ControlModeration(
          cqName, intervalPs / SimTime.PS_PER_US, c.integer("count", count, 0, MAX_ULONG, 0));
    }
  }

  record Receive(String qp, Long count, Size bytes, List<String> flags, Boolean deferAll)
      implements Posting {
    @Override
    public Step.PostKind kind() {
      return Step.PostKind.RECEIVE;
    }
  }

  record Send(String qp, Long count, Size bytes, List<String> flags, Boolean deferAll)
      implements Posting {
    @Override
    public Step.PostKind kind() {
      return Step.PostKind.SEND;
    }
  }

  record Write(String qp, Long count, Size bytes, List<String> flags, Boolean deferAll)
      implements Posting {
    @Override
    public Step.PostKind kind() {
      return Step.PostKind.WRITE;
    }
  }

  record Flush(String qp) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.Flush(c.use("qp", qp));
    }
  }

  record GetCqResults(String cq) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.GetCqResults(c.use("cq", cq));
    }
  }

  record Close(String object) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.Close(c.use("object", object));
    }
  }

  record CloseAdapter(String adapter) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.CloseAdapter(c.useIfGiven("adapter", adapter));
    }
  }

  record WaitFor(
      String created,
      String closed,
      String notification,
      String completion,
      String connectEvent,
      String disconnectEvent,
      String as)
      implements StepSpec {
    @Override
    public Step bind(StepCheck c) {
      return StepChoices.waitFor(c, this);
    }
  }

  record RunFor(Duration duration) implements StepSpec, Valued {
    @Override
    public Step bind(StepCheck c) {
      return new Step.RunFor(c.requiredDuration(duration));
    }
  }

  record RunUntil(Duration time) implements StepSpec, Valued {
    @Override
    public Step bind(StepCheck c) {
      return new Step.RunUntil(c.requiredDuration(time));
    }
  }

  /** {@code - settle}: runs until nothing is left to happen; takes no value but {@code true}. */
  record Settle(Boolean settle) implements StepSpec, Valued {
    @Override
    public Step bind(StepCheck c) {
      if (Boolean.FALSE.equals(settle)) {
        c.problem(c.path(), "'settle' takes no arguments (write '- settle')");
      }
      return new Step.Settle();
    }
  }

  record Repeat(Long times, Duration every, List<StepEntry> steps) implements StepSpec {
    @Override
    public Step bind(StepCheck c) {
      return new Step.Repeat(
          (int) c.integer("times", times, 1, 10_000, 1),
          c.duration(every, 0),
          c.steps("steps", steps, c.inCallback()));
    }
  }

  record WhenNotified(String cq, @JsonProperty("do") List<StepEntry> steps) implements StepSpec {
    @Override
    public Step bind(StepCheck c) {
      return new Step.WhenNotified(c.use("cq", cq), c.steps("do", steps, true));
    }
  }

  record FailNextCommand(String host, String command, String status) implements StepSpec {
    @Override
    public Step bind(StepCheck c) {
      return StepChoices.failNextCommand(c, host, command, status);
    }
  }

  record Measure(String cq) implements StepSpec, Named {
    @Override
    public Step bind(StepCheck c) {
      return new Step.Measure(c.use("cq", cq));
    }
  }
}
