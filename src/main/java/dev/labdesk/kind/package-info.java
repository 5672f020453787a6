/**
 * The plugin contract: check kinds, action kinds and the registry that collects them from plugins.
 * Everything an integration needs to add checks and actions lives here; nothing here runs anything itself.
 */
package dev.labdesk.kind;
