/**
 * {@code labdesk doctor}: what this machine offers the labs (Docker now; Kubernetes, cloud
 * credentials and offline readiness later), each as a {@link dev.labdesk.doctor.Section} with the fix when something is missing.
 */
package dev.labdesk.doctor;
