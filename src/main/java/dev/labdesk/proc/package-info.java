/**
 * Commands on the learner's machine, for trusted packs only: {@link dev.labdesk.proc.Shell} runs one to the end
 * with a timeout and cancellation; {@link dev.labdesk.proc.BackgroundProcesses} keeps servers a lab starts and stops them.
 */
package dev.labdesk.proc;
