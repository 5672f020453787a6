/**
 * The built-in plugin: file and HTTP checks, the http and shell actions, and the known requires values.
 */
package dev.labdesk.core;
