package org.rnicsim.ndk.consumer;

import java.util.function.Function;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * The scripted consumer's connection calls (ndkpi-spec 4, connection flow and disconnect): create
 * connectors and listeners, Listen, Connect, Accept, CompleteConnect, Disconnect. Every request
 * that may pend gets a request completion; Accept and CompleteConnect register a disconnect event
 * (invariant 25).
 */
final class ConnectionCalls {
  /** IRD and ORD asked for on every connection; within the default adapter's 16. */
  private static final long READ_LIMIT = 8;

  private final ConsumerRun run;
  private final ConsumerCallbacks callbacks;
  private final ConsumerCalls calls;

  ConnectionCalls(ConsumerRun run, ConsumerCallbacks callbacks, ConsumerCalls calls) {
    this.run = run;
    this.callbacks = callbacks;
    this.calls = calls;
  }

  void createConnector(Step.CreateConnector s, String where) {
    ConsumerObjects.Named adapterName = calls.adapter(s.adapter(), where);
    NdkAdapter adapter = run.objects.object(adapterName.name, NdkAdapter.class, where);
    ConsumerObjects.Named connector =
        run.objects.declare(s.name(), NdkObjectType.CONNECTOR, adapterName.host, where);
    calls.create(
        "CreateConnector", connector, completion -> adapter.createConnector(completion, s.name()));
  }

  void createListener(Step.CreateListener s, String where) {
    ConsumerObjects.Named adapterName = calls.adapter(s.adapter(), where);
    NdkAdapter adapter = run.objects.object(adapterName.name, NdkAdapter.class, where);
    ConsumerObjects.Named listener =
        run.objects.declare(s.name(), NdkObjectType.LISTENER, adapterName.host, where);
    calls.create(
        "CreateListener",
        listener,
        completion ->
            adapter.createListener(
                callbacks.connectEvent(listener), s.name(), completion, s.name()));
  }

  void listen(Step.Listen s, String where) {
    NdkListener listener = run.objects.object(s.listener(), NdkListener.class, where);
    ConsumerObjects.Named named = run.objects.get(s.listener(), where);
    request(
        "Listen",
        named,
        completion ->
            listener.listen(run.hosts.address(named.host, s.port()), completion, "Listen"),
        "Listen binds the port: connection requests to it now raise connect events.");
  }

  void connect(Step.Connect s, String where) {
    NdkConnector connector = run.objects.object(s.connector(), NdkConnector.class, where);
    NdkQp qp = run.objects.object(s.qp(), NdkQp.class, where);
    ConsumerObjects.Named named = run.objects.get(s.connector(), where);
    if (!run.hosts.hasHost(s.host())) {
      throw new ScriptException(where, "no host is named '" + s.host() + "'");
    }
    request(
        "Connect",
        named,
        completion ->
            connector.connect(
                qp,
                run.hosts.address(named.host, 0),
                run.hosts.address(s.host(), s.port()),
                READ_LIMIT,
                READ_LIMIT,
                null,
                completion,
                "Connect"),
        "Connect is pending: the request travels to the peer and completes when the peer"
            + " accepts (ndkpi-spec 4; invariant 12).");
  }

  void accept(Step.Accept s, String where) {
    NdkConnector connector = run.objects.object(s.connector(), NdkConnector.class, where);
    NdkQp qp = run.objects.object(s.qp(), NdkQp.class, where);
    ConsumerObjects.Named named = run.objects.get(s.connector(), where);
    request(
        "Accept",
        named,
        completion ->
            connector.accept(
                qp,
                READ_LIMIT,
                READ_LIMIT,
                null,
                callbacks.disconnectEvent(named),
                named.name,
                completion,
                "Accept"),
        "Accept is pending until the active side calls CompleteConnect (ndkpi-spec 4); it"
            + " registers a disconnect event for the peer's disconnect (invariant 25).");
  }

  void completeConnect(Step.CompleteConnect s, String where) {
    NdkConnector connector = run.objects.object(s.connector(), NdkConnector.class, where);
    ConsumerObjects.Named named = run.objects.get(s.connector(), where);
    request(
        "CompleteConnect",
        named,
        completion ->
            connector.completeConnect(
                callbacks.disconnectEvent(named), named.name, completion, "CompleteConnect"),
        "CompleteConnect tells the peer the connection is ready; it registers a disconnect event"
            + " (invariant 25).");
  }

  void disconnect(Step.Disconnect s, String where) {
    NdkConnector connector = run.objects.object(s.connector(), NdkConnector.class, where);
    ConsumerObjects.Named named = run.objects.get(s.connector(), where);
    request(
        "Disconnect",
        named,
        completion -> connector.disconnect(completion, "Disconnect"),
        "Disconnect completes only once the peer has disconnected too and the QP's DMA is done;"
            + " then the QP is flushed (invariant 26).");
  }

  private void request(
      String what,
      ConsumerObjects.Named named,
      Function<NdkFnRequestCompletion, NtStatus> call,
      String pendingSentence) {
    boolean again = named.closeIssued;
    int line = run.recorder.beginCall(what, named.name);
    NtStatus status = call.apply(callbacks.requestCompletion(named, what));
    String sentence = status.isPending() ? pendingSentence : Explanations.request(what, status);
    run.recorder.endCall(
        line, status.name(), run.sentence(again ? ConsumerCalls.misuse(named) : sentence));
  }
}
