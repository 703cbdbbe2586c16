/**
 * Combined results of a study: the replications of every (point, case) reduced to means with
 * Student t confidence intervals, written as {@code summary.json}, CSV tables, charts of each
 * metric against the swept parameter, a self-contained {@code report.html}, and a terminal table.
 * Everything is a pure function of the study and its job files: no dates, no host names, root
 * locale, so a rerun (resumed or not) writes the same bytes.
 */
package org.rnicsim.experiments.report;
