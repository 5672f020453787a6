/**
 * Where LabDesk keeps a learner's data (LABDESK_HOME): progress, workspaces, logs, settings.
 */
package dev.labdesk.home;
