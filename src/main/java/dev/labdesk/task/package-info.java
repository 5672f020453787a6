/**
 * Background work: one {@link dev.labdesk.task.TaskExecutor} abstraction that the engines, the CLI and
 * the desktop app share, with a thread-pool implementation and a current-thread one for deterministic tests.
 */
package dev.labdesk.task;
