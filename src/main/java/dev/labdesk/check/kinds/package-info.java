/**
 * The built-in check kinds: workspace files ({@code file.*}), HTTP ({@code http.get}/{@code http.post})
 * and {@code command} (trusted packs only). Each {@code evaluate} makes one attempt; the runner does the rest.
 */
package dev.labdesk.check.kinds;
