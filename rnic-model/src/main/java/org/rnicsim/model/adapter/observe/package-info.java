/**
 * Where the time of each operation goes: per-stage latency histograms of every work request, on the
 * requester from post to CQE and on the responder from packet arrival to receive CQE, so a run can
 * answer "where did the 0.8 us go?".
 */
package org.rnicsim.model.adapter.observe;
