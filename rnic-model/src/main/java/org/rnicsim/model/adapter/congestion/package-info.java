/**
 * End-to-end congestion control of the adapter's RC QPs: DCQCN's notification point ({@link
 * org.rnicsim.model.adapter.congestion.CnpPacer}) and reaction point ({@link
 * org.rnicsim.model.adapter.congestion.DcqcnReactionPoint}). The transport owns one of each per QP
 * and calls them; nothing here knows the transport.
 */
package org.rnicsim.model.adapter.congestion;
