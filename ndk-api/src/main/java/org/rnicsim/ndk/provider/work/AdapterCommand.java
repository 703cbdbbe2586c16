package org.rnicsim.ndk.provider.work;

import java.util.function.Consumer;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * A control command the datapath runs on the adapter's firmware command queue in place of the
 * provider's own command of the same kind (a hardware QP's create or destroy), so the command is
 * charged once. Its outcome arrives in the command event queue's DPC, as the provider's own
 * commands' do.
 */
@FunctionalInterface
public interface AdapterCommand {
  /**
   * Starts the command; {@code inDpc} runs exactly once, in the DPC, with SUCCESS or the failure
   * status (see {@link org.rnicsim.ndk.provider.work.FirmwareGateway} for the mapping).
   */
  void submit(Consumer<NtStatus> inDpc);
}
