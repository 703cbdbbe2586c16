package org.rnicsim.model.adapter;

import java.util.List;
import java.util.function.Consumer;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.adapter.cache.AdapterCaches;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.completion.CqeListener;
import org.rnicsim.model.adapter.completion.CqeWriter;
import org.rnicsim.model.adapter.completion.WorkOpcode;
import org.rnicsim.model.adapter.congestion.Dcqcn;
import org.rnicsim.model.adapter.control.ControlCommand;
import org.rnicsim.model.adapter.control.ControlPath;
import org.rnicsim.model.adapter.dma.DmaEngines;
import org.rnicsim.model.adapter.management.ManagementListener;
import org.rnicsim.model.adapter.management.ManagementQp;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.adapter.transport.RcTransport;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.adapter.transport.SharedReceiveSource;
import org.rnicsim.model.adapter.transport.WriteLandedListener;
import org.rnicsim.model.fabric.PacketSink;
import org.rnicsim.model.fabric.Port;
import org.rnicsim.model.pcie.DeviceToHostWrites;
import org.rnicsim.model.pcie.PcieLink;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.trace.ModelTraceEvent.FaultInjected;

/**
 * One RDMA adapter: PCIe link, DMA engines, caches, RC transport and network port, built from a
 * {@link HardwareProfile}. This is the hardware-level interface a driver (the NDK provider)
 * programs.
 *
 * <ul>
 *   <li><b>Control path</b>, asynchronous: {@link #createCq}, {@link #createQp}, {@link #modifyQp},
 *       {@link #connectQp}, {@link #destroyQp}, {@link #destroyCq}. Each is a {@link
 *       ControlCommand} executed by the {@link ControlPath}; its callback runs when it finished.
 *   <li><b>Datapath, host side</b>, synchronous at the current simulated time (the driver charges
 *       its CPU for them): {@link #postSend} and {@link #postReceive} write WQEs into the rings in
 *       host memory; {@link #ringSendDoorbell} and {@link #ringReceiveDoorbell} write the doorbell
 *       over PCIe; {@link #pollCq} reads the CQEs that have landed.
 *   <li><b>Notification</b>: each CQ's {@link CqeListener} is told when a CQE lands; event queues
 *       and MSI-X interrupts hook in there, and {@link #deviceToHostWrites()} is the posted-write
 *       path they share with CQEs and payload.
 *   <li><b>Management datagrams</b> (QP1): {@link #sendManagementDatagram} and {@link
 *       #setManagementReceiver}, for the host's connection manager; see {@link ManagementQp}.
 *   <li><b>Faults</b>: {@link #surpriseRemove()}; link faults live on the fabric's links.
 * </ul>
 */
public final class Rnic {
  private final RnicSimulator simulator;
  private final String name;
  private final int address;
  private final HardwareProfile profile;
  private final PcieLink pcie;
  private final DmaEngines dma;
  private final Port port;
  private final RcTransport transport;
  private final ControlPath controlPath;
  private final ManagementQp managementQp;
  private final AdapterMemory memory;
  private int nextCqn = 1;

  /**
   * @param address this adapter's fabric address (LID or IP), unique in the fabric
   * @param controlPath executes the adapter's control commands (the firmware)
   */
  public Rnic(
      RnicSimulator simulator,
      String name,
      int address,
      HardwareProfile profile,
      ControlPath controlPath,
      StatisticsRegistry stats) {
    this.simulator = simulator;
    this.name = name;
    this.address = address;
    this.profile = profile;
    this.controlPath = controlPath;
    this.pcie =
        new PcieLink(
            simulator,
            name + ".pcie",
            profile.pcie().linkConfig(),
            profile.pcie().flightLatencyPs(),
            profile.pcie().postedWriteCredits(),
            stats);
    this.dma = new DmaEngines(simulator, name + ".dma", pcie, profile.adapter().dma(), stats);
    AdapterCaches caches = new AdapterCaches(simulator, name, profile.adapter(), dma, stats);
    this.port =
        new Port(
            simulator,
            name + ".port",
            profile.port().rateBitsPerSecond(),
            profile.port().txLatencyPs(),
            profile.port().rxLatencyPs(),
            profile.port().txQueuePackets(),
            stats);
    CqeWriter cqeWriter =
        new CqeWriter(
            simulator,
            name,
            dma,
            profile.adapter().cqeBytes(),
            profile.adapter().cqeProcessingPs(),
            stats);
    this.transport =
        new RcTransport(
            simulator,
            name,
            address,
            profile.adapter(),
            profile.port().mtuBytes(),
            profile.port().packetHeaderBytes(),
            dma,
            caches,
            port,
            cqeWriter,
            stats);
    transport.useCongestionControl(profile.congestionControl(), stats);
    this.memory =
        new AdapterMemory(this, caches, transport, profile.adapter().translationPageBytes());
    this.managementQp =
        new ManagementQp(simulator, name, address, profile, dma, port, transport::isRemoved, stats);
    // QP1 traffic is told apart by its opcode, so RC QP numbers need not skip 1.
    PacketSink rcReceivePath = transport.receivePath();
    port.setReceiver(
        packet -> {
          if (packet.opcode().isManagement()) {
            managementQp.receive(packet);
          } else {
            rcReceivePath.receive(packet);
          }
        });
  }

  public String name() {
    return name;
  }

  public int address() {
    return address;
  }

  public HardwareProfile profile() {
    return profile;
  }

  public Port port() {
    return port;
  }

  /** The DMA engines every transfer of this adapter goes through (the dma workload drives them). */
  public DmaEngines dma() {
    return dma;
  }

  public PcieLink pcie() {
    return pcie;
  }

  /** The posted-write path to host memory that EQE writers and MSI-X share with CQEs. */
  public DeviceToHostWrites deviceToHostWrites() {
    return pcie;
  }

  public RnicSimulator simulator() {
    return simulator;
  }

  /**
   * The adapter's DCQCN (its CNP counters), or null when its profile runs no congestion control.
   */
  public Dcqcn dcqcn() {
    return transport.dcqcn();
  }

  /** The rate {@code qp} may send at now: its DCQCN rate while limited, else the line rate. */
  public double sendRateBitsPerSecond(QueuePair qp) {
    return transport.sendRateBitsPerSecond(qp);
  }

  /** QPs that exist on this adapter. */
  public int qpCount() {
    return transport.qpCount();
  }

  public QueuePair qp(int qpn) {
    return transport.qp(qpn);
  }

  // ---- control path ----

  /** Creates a CQ of {@code depth} CQEs; {@code listener} may be null. */
  public void createCq(
      int depth,
      CqeListener listener,
      Consumer<CompletionQueue> onCreated,
      Consumer<String> onFailed) {
    int cqn = nextCqn++;
    run(
        new ControlCommand.CreateCq(cqn, depth),
        () -> onCreated.accept(new CompletionQueue(simulator, cqn, depth, listener)),
        onFailed);
  }

  public void createCq(int depth, CqeListener listener, Consumer<CompletionQueue> onCreated) {
    createCq(depth, listener, onCreated, this::failed);
  }

  public void destroyCq(CompletionQueue cq, Runnable onDestroyed) {
    run(
        new ControlCommand.DestroyCq(cq.cqn()),
        () -> {
          cq.markDestroyed();
          onDestroyed.run();
        },
        this::failed);
  }

  /** Creates an RC QP in RESET with the given ring depths, its completions going to the CQs. */
  public void createQp(
      CompletionQueue sendCq,
      CompletionQueue receiveCq,
      int sendQueueDepth,
      int receiveQueueDepth,
      Consumer<QueuePair> onCreated,
      Consumer<String> onFailed) {
    int qpn = transport.reserveQpn();
    run(
        new ControlCommand.CreateQp(qpn, sendQueueDepth, receiveQueueDepth),
        () ->
            onCreated.accept(
                transport.createQp(qpn, sendCq, receiveCq, sendQueueDepth, receiveQueueDepth)),
        onFailed);
  }

  public void createQp(
      CompletionQueue sendCq,
      CompletionQueue receiveCq,
      int sendQueueDepth,
      int receiveQueueDepth,
      Consumer<QueuePair> onCreated) {
    createQp(sendCq, receiveCq, sendQueueDepth, receiveQueueDepth, onCreated, this::failed);
  }

  /** Moves {@code qp} to {@code to} (not RTR: use {@link #connectQp}). */
  public void modifyQp(QueuePair qp, QpState to, Runnable onDone) {
    modifyQp(qp, to, onDone, this::failed);
  }

  /**
   * As {@link #modifyQp(QueuePair, QpState, Runnable)}; a failed command calls {@code onFailed}.
   */
  public void modifyQp(QueuePair qp, QpState to, Runnable onDone, Consumer<String> onFailed) {
    if (to == QpState.RTR) {
      throw new IllegalArgumentException("moving to RTR needs the peer: use connectQp");
    }
    modify(qp, to, -1, -1, onDone, onFailed);
  }

  /** INIT to RTR: connects {@code qp} to QP {@code remoteQpn} on adapter {@code remoteAddress}. */
  public void connectQp(QueuePair qp, int remoteAddress, int remoteQpn, Runnable onDone) {
    connectQp(qp, remoteAddress, remoteQpn, onDone, this::failed);
  }

  /** As {@link #connectQp(QueuePair, int, int, Runnable)}; a failure calls {@code onFailed}. */
  public void connectQp(
      QueuePair qp, int remoteAddress, int remoteQpn, Runnable onDone, Consumer<String> onFailed) {
    modify(qp, QpState.RTR, remoteAddress, remoteQpn, onDone, onFailed);
  }

  private void modify(
      QueuePair qp,
      QpState to,
      int remoteAddress,
      int remoteQpn,
      Runnable onDone,
      Consumer<String> onFailed) {
    QpState from = qp.state();
    if (!from.canMoveTo(to)) {
      throw new IllegalStateException(qp + ": cannot move from " + from + " to " + to);
    }
    run(
        new ControlCommand.ModifyQp(qp.qpn(), from.name(), to.name()),
        () -> {
          if (qp.state().canMoveTo(to)) {
            transport.modify(qp, to, remoteAddress, remoteQpn);
          }
          onDone.run();
        },
        onFailed);
  }

  public void destroyQp(QueuePair qp, Runnable onDone) {
    destroyQp(qp, onDone, this::failed);
  }

  /**
   * As {@link #destroyQp(QueuePair, Runnable)}; a failed command calls {@code onFailed}, and the QP
   * is removed anyway (the driver abandons the adapter's copy, as a timed-out destroy does).
   */
  public void destroyQp(QueuePair qp, Runnable onDone, Consumer<String> onFailed) {
    run(
        new ControlCommand.DestroyQp(qp.qpn()),
        () -> {
          transport.destroy(qp);
          onDone.run();
        },
        message -> {
          transport.destroy(qp);
          onFailed.accept(message);
        });
  }

  /** The adapter's memory registrations (REGISTER_MR / DEREGISTER_MR and their MPT entries). */
  public AdapterMemory memory() {
    return memory;
  }

  void run(ControlCommand command, Runnable onDone, Consumer<String> onFailed) {
    if (transport.isRemoved()) {
      simulator.schedule(0, () -> onFailed.accept(name + " was removed: " + command));
      return;
    }
    controlPath.execute(command, onDone, onFailed);
  }

  void failed(String message) {
    throw new IllegalStateException(name + ": control command failed: " + message);
  }

  // ---- datapath, host side ----

  /** Writes a send WQE into the ring; false if the ring is full or the QP takes no sends. */
  public boolean postSend(QueuePair qp, SendWorkRequest request) {
    return postSend(
        qp,
        request.wrId(),
        request.opcode(),
        request.localAddress(),
        request.lengthBytes(),
        request.remoteAddress(),
        request.signalled(),
        request.inline(),
        request.localKey(),
        request.remoteKey());
  }

  /** The same, the request given field by field, as {@link SendWorkRequest} names them. */
  public boolean postSend(
      QueuePair qp,
      long wrId,
      WorkOpcode opcode,
      long localAddress,
      long lengthBytes,
      long remoteAddress,
      boolean signalled,
      boolean inline,
      int localKey,
      int remoteKey) {
    return transport.postSend(
        qp,
        wrId,
        opcode,
        localAddress,
        lengthBytes,
        remoteAddress,
        signalled,
        inline,
        localKey,
        remoteKey);
  }

  /** Writes the send doorbell (with the WQE, if it is one new inline WQE) over PCIe. */
  public void ringSendDoorbell(QueuePair qp) {
    transport.ringSendDoorbell(qp);
  }

  /** Writes a receive WQE into the ring; false if the ring is full or the QP is in RESET. */
  public boolean postReceive(QueuePair qp, long wrId, long address, long lengthBytes) {
    return transport.postReceive(qp, wrId, address, lengthBytes);
  }

  public void ringReceiveDoorbell(QueuePair qp) {
    transport.ringReceiveDoorbell(qp);
  }

  /**
   * Attaches {@code qp} to a shared receive queue (null to detach): a SEND that finds the QP's ring
   * empty takes its receive WQE from {@code source} before the adapter answers receiver-not-ready.
   */
  public void attachSharedReceives(QueuePair qp, SharedReceiveSource source) {
    transport.attachSharedReceives(qp, source);
  }

  /** Reads up to {@code max} landed CQEs of {@code cq} into {@code out}; returns how many. */
  public int pollCq(CompletionQueue cq, int max, List<Completion> out) {
    return cq.poll(max, out);
  }

  /**
   * Tells {@code listener} (null for nobody) when an incoming RDMA WRITE has landed in this host's
   * memory: what a consumer polling the last byte of its buffer sees, as ib_write_lat does.
   */
  public void setWriteLandedListener(WriteLandedListener listener) {
    transport.setWriteLandedListener(listener);
  }

  // ---- management datagrams (QP1) ----

  /**
   * The host posts one MAD carrying {@code message} to the adapter at {@code destinationAddress}:
   * doorbell, WQE and MAD fetch, then the port (see {@link ManagementQp}).
   */
  public void sendManagementDatagram(int destinationAddress, Object message) {
    managementQp.send(destinationAddress, message);
  }

  /**
   * Who is told when an arriving MAD and its CQE have landed in host memory; null drops them. An
   * {@link AdapterNode} puts its interrupt path in between.
   */
  public void setManagementReceiver(ManagementListener listener) {
    managementQp.setReceiver(listener);
  }

  // ---- faults ----

  /** Fault: the adapter disappears from the bus now (every QP to ERROR, all work flushed). */
  public void surpriseRemove() {
    Trace trace = simulator.trace();
    if (trace.isOn()) {
      trace.emit(new FaultInjected(simulator.nowPs(), name, "surprise removal"));
    }
    transport.surpriseRemoval();
  }

  public boolean isRemoved() {
    return transport.isRemoved();
  }
}
