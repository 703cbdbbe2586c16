/**
 * Hardware profiles as YAML data files, bound to the model's {@code HardwareProfile} record tree by
 * Jackson: {@link org.rnicsim.experiments.profile.ProfileModule} names keys after the record
 * components without their unit suffix ({@link org.rnicsim.experiments.profile.ProfileKeys}) and
 * reads values with their unit ({@code "550ns"}, {@code "100Gbps"}, {@code "4KiB"}) through {@code
 * org.rnicsim.engine.Units}.
 */
package org.rnicsim.experiments.profile;
