/**
 * YAML read from untrusted files into a small node tree that keeps the line and column of every
 * key and value; bounded against alias bombs, cycles and deep nesting.
 */
package dev.labdesk.pack.yaml;
