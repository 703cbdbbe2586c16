package org.rnicsim.experiments.study;

import tools.jackson.databind.JsonNode;

/**
 * One value a sweep axis takes.
 *
 * @param value the value as it is put into the configuration
 * @param label the value as people read it ({@code 1.5us}, {@code 0.7})
 * @param origin where it was written (a list entry, or the range it was stepped from)
 */
public record AxisValue(JsonNode value, String label, Origin origin) {}
