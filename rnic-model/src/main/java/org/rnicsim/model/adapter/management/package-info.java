/**
 * QP1, the adapter's General Services Interface: management datagrams (the connection manager's
 * MADs: REQ, REP, REJ, RTU, DREQ, DREP and MRA, IBA chapter 12) that a host hands its adapter for
 * another adapter's fabric address and that the receiving adapter delivers to its host's management
 * agent instead of the RC transport. They share the port, links and switch with data packets, so
 * they queue, take wire time and get lost like them; retrying is the agent's business.
 */
package org.rnicsim.model.adapter.management;
