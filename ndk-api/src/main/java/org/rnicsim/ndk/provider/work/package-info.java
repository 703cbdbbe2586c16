/**
 * The seam between the provider's queues and the hardware that runs them: {@link
 * org.rnicsim.ndk.provider.work.WorkRequestEngine} takes doorbells and reports completions; {@link
 * org.rnicsim.ndk.provider.work.RnicWorkEngine} runs them on the rnic-model adapter.
 */
package org.rnicsim.ndk.provider.work;
