package org.rnicsim.model.adapter.firmware;

/**
 * One command as the driver hands it to the adapter.
 *
 * @param pageCount host pages the command describes (the page list of a memory registration, a
 *     queue's ring); 0 when the kind takes none
 */
public record FirmwareCommand(FirmwareCommandKind kind, long pageCount) {
  public FirmwareCommand {
    if (kind == null) {
      throw new IllegalArgumentException("a firmware command needs a kind");
    }
    if (pageCount < 0) {
      throw new IllegalArgumentException(kind + ": page count must be >= 0, was " + pageCount);
    }
  }

  public static FirmwareCommand of(FirmwareCommandKind kind) {
    return new FirmwareCommand(kind, 0);
  }

  public static FirmwareCommand registerMr(long pageCount) {
    return new FirmwareCommand(FirmwareCommandKind.REGISTER_MR, pageCount);
  }
}
