/**
 * Study files: the records Jackson binds a JSON or YAML study to, the loader that turns every parse
 * or binding error into a {@link org.rnicsim.experiments.study.ConfigProblem} with file, line,
 * column and key path, and the {@link org.rnicsim.experiments.study.Problems} collector that
 * semantic validation reports into, so that a user sees all problems of a file at once.
 */
package org.rnicsim.experiments.study;
