/**
 * Shapes: the expected form of pack.yaml, front matter, block bodies and check expectations, and
 * the checker that reports every mismatch at the offending key or value.
 */
package dev.labdesk.pack.schema;
