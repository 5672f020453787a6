/**
 * The built-in action kinds: {@code lab:http} (one request, response shown) and {@code lab:shell}
 * (a command in the workspace, trusted packs only; {@code background: true} keeps a server running).
 */
package dev.labdesk.action.kinds;
