package org.rnicsim.ndk.verifier;

/**
 * The consumer's duties under ndkpi-spec 3-6, numbered C1 to C9 apart from the provider's 34
 * invariants (docs/ndk-consumer-rules.md explains each, what the verifier reports and what the
 * consumer gets back). Each rule names the section 7 invariant it pairs with: the provider's half
 * of the same sentence of the contract, under which lessons and run figures count it.
 */
public enum ConsumerRule {
  C1(
      13,
      "The consumer never calls an object, nor passes it to a call, once its close was issued"
          + " (CloseObject, or CloseAdapter of its adapter)."),
  C2(13, "The consumer closes each object once."),
  C3(
      13,
      "The consumer never closes an object while another call on it runs, except from a"
          + " completion that call started."),
  C4(
      15,
      "The consumer never runs GetCqResults, GetCqResultsEx or ArmCq concurrently on one CQ: not"
          + " nested, and not from callbacks whose simulated run times overlap on two cores."),
  C5(19, "The consumer never posts concurrently on one queue of a QP or SRQ."),
  C6(11, "The consumer never calls CloseAdapter from inside a callback."),
  C7(
      11,
      "The consumer closes every object below an adapter, so that CloseAdapter, which waits for"
          + " them, can return."),
  C8(
      33,
      "The consumer calls OpenAdapter and QueryAdapterInfo only at PASSIVE_LEVEL, never from a"
          + " callback, which may run at DISPATCH_LEVEL."),
  C9(
      22,
      "Unless a post fails inline, the consumer ends every DEFER chain with a post without"
          + " DEFER.");

  private final int pairedInvariant;
  private final String rule;

  ConsumerRule(int pairedInvariant, String rule) {
    this.pairedInvariant = pairedInvariant;
    this.rule = rule;
  }

  /** The section 7 invariant that is the provider's half of this duty. */
  public Invariant pairedInvariant() {
    return Invariant.of(pairedInvariant);
  }

  /** The rule's wording, as docs/ndk-consumer-rules.md gives it. */
  public String rule() {
    return rule;
  }

  @Override
  public String toString() {
    return "consumer rule " + name();
  }
}
