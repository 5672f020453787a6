package dev.labdesk.pack;

/** A link or image in Markdown, with the URL as written. */
public record MdLink(String url, boolean image, SourcePos pos) {

    /** True for links with a scheme (https:, mailto:) — those are not checked offline. */
    public boolean external() {
        return SCHEME.matcher(url).lookingAt();
    }

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
}
