/**
 * The learner's workspaces under {@code LABDESK_HOME/workspaces/<pack>/<lab>/}: seeded from the pack's starter
 * files, reset with a backup, compared with the solution as a unified diff, and guarded against paths that escape.
 */
package dev.labdesk.workspace;
