package org.rnicsim.model.fabric;

/**
 * Told each time a {@link Port} books a packet's departure, and when a PFC pause takes the booking
 * back ({@code Long.MAX_VALUE}: it leaves after the pause is lifted, at a time not known yet). A
 * switch's PFC accounting needs the real departures: bytes count against their ingress port until
 * they have left.
 */
interface DepartureListener {
  void departureBooked(Packet packet, long departurePs);
}
