/**
 * One HTTP exchange for checks and actions ({@link dev.labdesk.net.HttpCall}): bounded bodies, timeouts,
 * cancellation, failures in words a learner understands, and evidence with secrets redacted.
 */
package dev.labdesk.net;
