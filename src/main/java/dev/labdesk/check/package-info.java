/**
 * The check engine: {@link dev.labdesk.check.CheckRunner} runs a lab's checks in parallel with timeouts,
 * {@code eventually} retries and cancellation; {@link dev.labdesk.check.Matchers} is the one value matcher
 * every kind shares. Built-in kinds live in {@code check.kinds}.
 */
package dev.labdesk.check;
