/**
 * The lab pack model (packs, labs, steps, blocks, checks) and how it is read from disk: Markdown
 * scanning, front matter, positions of everything, and problems reported at those positions.
 */
package dev.labdesk.pack;
