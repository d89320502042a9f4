package org.casebook.bundle;

/** Why a redacted copy leaves an original out, in words for the cover, the exhibit page and the appendix. */
enum Withheld {
    REDACTED_TEXT("it contains redacted text", "holds redacted text"),
    ATTACHMENTS("it carries attached files that Casebook cannot check", "carries attached files"),
    PHOTO_DETAILS("it holds photos with location or device details", "holds photos' location details"),
    LOCATION("it may carry location and device details that Casebook cannot remove from this kind of file",
            "location details cannot be removed"),
    UNCLEANABLE("its picture could not be read to remove its location and device details", "picture unreadable"),
    UNCHECKABLE("Casebook cannot search this kind of file for redacted text", "cannot be searched"),
    CAPTURE("it is a captured web page, whose archived copy and screenshot cannot be redacted reliably",
            "web page: cannot be redacted");

    private final String because;
    private final String brief;

    Withheld(String because, String brief) {
        this.because = because;
        this.brief = brief;
    }

    /** "holds redacted text": for a narrow table column. */
    String brief() {
        return brief;
    }

    /** "it contains redacted text": follows "withheld because". */
    String because() {
        return because;
    }
}
