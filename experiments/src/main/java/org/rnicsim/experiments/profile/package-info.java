/**
 * Hardware profiles as YAML data files: {@link org.rnicsim.experiments.profile.ProfileLoader} binds
 * one to the model's {@code HardwareProfile} record tree. Keys are the record components' names
 * without their unit suffix; values carry their unit ({@code "550ns"}, {@code "100Gbps"}, {@code
 * "4KiB"}) and are parsed by {@code org.rnicsim.engine.Units}.
 */
package org.rnicsim.experiments.profile;
