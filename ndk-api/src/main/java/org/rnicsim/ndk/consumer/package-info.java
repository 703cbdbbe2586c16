/**
 * A scripted NDK consumer for lessons (ndkpi-spec sections 2-7): a {@link
 * org.rnicsim.ndk.consumer.Script} is a list of steps (open an adapter, create, arm, post, close,
 * wait for a callback, run until a time) that {@link org.rnicsim.ndk.consumer.ScriptedConsumer}
 * plays against simulated providers wrapped by the lifetime verifier, on simulated time.
 *
 * <p>What it produces is a {@link org.rnicsim.ndk.consumer.Timeline}: every consumer call with its
 * status, every callback with its core and modelled return, the hardware events the provider's work
 * went through (firmware command done, CQE, EQE, MSI-X, DPC), each object's lifetime state, and
 * every violation the verifier found, each entry with a plain sentence citing the invariant it
 * shows. Nothing here reads files: the lessons' YAML is bound to these records in {@code
 * experiments}.
 */
package org.rnicsim.ndk.consumer;
