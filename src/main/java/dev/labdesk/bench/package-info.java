/**
 * Small benchmark entry points run by the scripts in {@code bench/}: they drive the real kinds in
 * one JVM and print one number per line, so the scripts can compare them with other tools.
 */
package dev.labdesk.bench;
