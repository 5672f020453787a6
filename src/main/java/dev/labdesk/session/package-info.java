/**
 * One lab at work: {@link dev.labdesk.session.LabSession} ties a pack, a lab and a workspace to the check and action
 * engines; {@link dev.labdesk.session.LabTester} is {@code labdesk test}; {@link dev.labdesk.session.RunRecorder} is
 * where finished runs go (the progress store).
 */
package dev.labdesk.session;
