package org.rnicsim.model.adapter.firmware;

/**
 * What a command's callback receives.
 *
 * @param token the number {@link FirmwareCommandQueue#submit} returned
 * @param submittedPs when the driver submitted the command
 * @param completedPs when the driver learned the outcome (the callback's start)
 */
public record CommandResult(
    long token, FirmwareCommand command, CommandStatus status, long submittedPs, long completedPs) {

  public long latencyPs() {
    return completedPs - submittedPs;
  }

  public boolean succeeded() {
    return status == CommandStatus.SUCCESS;
  }
}
