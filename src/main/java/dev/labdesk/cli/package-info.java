/**
 * The command line (picocli): the stable CLI contract that tests, graders and CI depend on.
 * Commands print results to stdout, summaries and problems to stderr, and never a stack trace.
 */
package dev.labdesk.cli;
