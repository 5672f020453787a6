/**
 * The action engine: {@link dev.labdesk.action.ActionRunner} runs one {@code lab:*} action on the task executor,
 * streaming {@link dev.labdesk.action.ActionEvent}s, and refuses trusted-only kinds on untrusted packs.
 * Built-in kinds live in {@code action.kinds}.
 */
package dev.labdesk.action;
