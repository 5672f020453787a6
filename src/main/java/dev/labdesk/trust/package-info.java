/**
 * Remembered trust: {@link dev.labdesk.trust.PackFingerprint} hashes a pack's content, and
 * {@link dev.labdesk.trust.PackTrust} tells whether the user trusted a pack in its folder with that content
 * (docs/decisions/0024-trust-is-remembered-per-folder-and-content.md).
 */
package dev.labdesk.trust;
