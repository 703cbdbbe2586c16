/**
 * Hardware profiles: one immutable record tree (host, PCIe, adapter, port) per modelled machine.
 * Every number carries its unit in its name; where a profile file sets it, a comment there cites
 * the calibration entry it was tuned to or marks it an assumption. Loading files is the experiments
 * module's job: nothing here reads YAML.
 */
package org.rnicsim.model.profile;
