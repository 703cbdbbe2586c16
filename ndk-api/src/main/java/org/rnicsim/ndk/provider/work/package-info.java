/**
 * The seam between the provider's queues and the hardware that runs them: {@link
 * org.rnicsim.ndk.provider.work.WorkRequestEngine} takes doorbells and reports completions; {@link
 * org.rnicsim.ndk.provider.work.LoopbackWorkEngine} is the stand-in until the rnic-model datapath
 * lands behind the same interface.
 */
package org.rnicsim.ndk.provider.work;
