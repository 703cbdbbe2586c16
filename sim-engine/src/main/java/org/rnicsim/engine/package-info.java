/** The simulation kernel on DSOL: simulated time, events, random streams, statistics and trace. */
package org.rnicsim.engine;
