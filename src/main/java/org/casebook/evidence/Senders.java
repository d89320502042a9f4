package org.casebook.evidence;

/**
 * How a sender is named wherever an item is shown: as the export wrote them, and, beside it, the person the user
 * attributed them to when that is someone else's name. An attribution is the user's statement, not the export's:
 * a number the export gives without a name is not printed as "Daniel Reeves", it is printed as the number,
 * attributed to Daniel Reeves.
 */
public final class Senders {
    private Senders() {
    }

    /**
     * The sender as the export wrote them: the name, else the number or address; {@code person} (the name of the
     * person matched) when the item holds neither (a diary entry's person, an older import).
     */
    public static String asWritten(String writtenName, String writtenAddress, String person) {
        if (writtenName != null && !writtenName.isBlank()) {
            return writtenName;
        }
        if (writtenAddress != null && !writtenAddress.isBlank()) {
            return writtenAddress;
        }
        return person;
    }

    /**
     * The person the sender is attributed to, or null when the export already names them so: {@code person} is
     * the name of the person the sender is now (after any merge).
     */
    public static String attribution(String asWritten, String writtenAddress, String person) {
        if (person == null || asWritten == null) {
            return null;
        }
        String key = SenderMatch.nameKey(person);
        if (key.equals(SenderMatch.nameKey(asWritten))
                || writtenAddress != null && key.equals(SenderMatch.nameKey(writtenAddress))) {
            return null;
        }
        return person;
    }

    /** "07700 900123 — attributed to Daniel Reeves", or the sender alone when there is no attribution. */
    public static String withAttribution(String asWritten, String attributedTo) {
        if (asWritten == null) {
            return attributedTo;
        }
        return attributedTo == null ? asWritten : asWritten + " \u2014 attributed to " + attributedTo;
    }
}
