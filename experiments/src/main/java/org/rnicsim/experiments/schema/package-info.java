/**
 * The JSON Schema of study files, generated from the records they bind to, so that an editor
 * completes and checks a study as it is typed. The committed {@code configs/schema/} copy is
 * regenerated with {@code rnicsim schema --force --out configs/schema/rnicsim.schema.json}; a test
 * fails when it is stale.
 */
package org.rnicsim.experiments.schema;
