package org.rnicsim.model.profile;

/**
 * One modelled machine: its host, the PCIe link to its adapter, the adapter, and the adapter's
 * network port. Both ends of a back-to-back pair use the same profile.
 *
 * @param name the profile's name, e.g. {@code connectx4-edr-gen3x16}
 * @param limits the largest QP count and queue depths the adapter accepts
 * @param firmware the adapter firmware's command times
 * @param congestionControl the adapter's congestion control (DCQCN or none) and its parameters
 */
public record HardwareProfile(
    String name,
    HostProfile host,
    PcieProfile pcie,
    AdapterProfile adapter,
    PortProfile port,
    AdapterLimits limits,
    FirmwareProfile firmware,
    CongestionControlProfile congestionControl) {
  public HardwareProfile {
    ProfileChecks.present("name", name);
    ProfileChecks.present("host", host);
    ProfileChecks.present("pcie", pcie);
    ProfileChecks.present("adapter", adapter);
    ProfileChecks.present("port", port);
    ProfileChecks.present("limits", limits);
    ProfileChecks.present("firmware", firmware);
    ProfileChecks.present("congestionControl", congestionControl);
    if (adapter.txBufferBytes() < port.mtuBytes()) {
      throw new IllegalArgumentException(
          "adapter.txBufferBytes must hold at least one MTU packet of " + port.mtuBytes() + " B");
    }
    if (port.mtuBytes() + port.packetHeaderBytes() > 16 * 1024) {
      throw new IllegalArgumentException("port MTU plus headers above 16 KiB is not a network MTU");
    }
  }

  /** The same machine with another congestion control, e.g. a study's {@code dcqcn}. */
  public HardwareProfile withCongestionControl(CongestionControlProfile newCongestionControl) {
    return new HardwareProfile(
        name, host, pcie, adapter, port, limits, firmware, newCongestionControl);
  }

  /** The same machine under another name, e.g. a test variant of a shipped profile. */
  public HardwareProfile withName(String newName) {
    return new HardwareProfile(
        newName, host, pcie, adapter, port, limits, firmware, congestionControl);
  }

  public HardwareProfile withAdapter(AdapterProfile newAdapter) {
    return new HardwareProfile(
        name, host, pcie, newAdapter, port, limits, firmware, congestionControl);
  }

  public HardwareProfile withPort(PortProfile newPort) {
    return new HardwareProfile(
        name, host, pcie, adapter, newPort, limits, firmware, congestionControl);
  }

  public HardwareProfile withPcie(PcieProfile newPcie) {
    return new HardwareProfile(
        name, host, newPcie, adapter, port, limits, firmware, congestionControl);
  }

  public HardwareProfile withHost(HostProfile newHost) {
    return new HardwareProfile(
        name, newHost, pcie, adapter, port, limits, firmware, congestionControl);
  }

  /** The same machine with other firmware command times. */
  public HardwareProfile withFirmware(FirmwareProfile newFirmware) {
    return new HardwareProfile(
        name, host, pcie, adapter, port, limits, newFirmware, congestionControl);
  }
}
