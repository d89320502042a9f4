package org.casebook.bundle;

/**
 * Says precisely where an exhibit's time comes from. A photo's time is only "taken" when the camera recorded
 * it (EXIF); otherwise it is the time Casebook placed it at, and a reader must be told which one that is.
 */
final class TimeSources {
    /** The code of a conversation's times, which come from the export file's own message records. */
    static final String EXPORT = "export";
    private static final String EXIF = "exif";
    private static final String INCIDENT = "incident";
    private static final String FILE_MODIFIED = "file modified";
    /** The date and time written in the file's name. */
    private static final String FILE_NAME = "file name";
    /** Only a date written in the file's name: no time of day is known, and none is shown. */
    private static final String FILE_NAME_DATE = "file name date";
    /** A file that came with an imported message: it has that message's time. */
    private static final String MESSAGE = "message";
    /** A captured web page: the time Casebook fetched it. */
    static final String CAPTURE = "capture";

    private TimeSources() {
    }

    /** Whether only a day is known of the item, so no time of day is shown. */
    static boolean dateOnly(String code) {
        return FILE_NAME_DATE.equals(code);
    }

    /** Follows the time in an exhibit's header: "camera (EXIF) time", "... not a camera time", ... */
    static String note(String code) {
        if (code == null) {
            return "source of this time not recorded";
        }
        return switch (code) {
            case EXIF -> "the camera's own time (EXIF)";
            case INCIDENT -> "the time of the diary entry it belongs to, not a camera time";
            case FILE_MODIFIED -> "the file's last-modified date, not a camera time";
            case FILE_NAME -> "the date and time written in the file's name";
            case FILE_NAME_DATE -> "the date written in the file's name; the time of day is not known";
            case EXPORT -> "as recorded in the export";
            case MESSAGE -> "the time of the message it was sent with, as recorded in the export";
            case CAPTURE -> "the time Casebook captured the page, by this computer's clock";
            default -> code;
        };
    }

    /** The sentence under a photo: "Taken ..." only for a camera time. */
    static String photoCaption(String code, String when) {
        if (EXIF.equals(code)) {
            return "Taken " + when + " (the camera's own time, from the file's EXIF data).";
        }
        String because = INCIDENT.equals(code) ? "the time of the diary entry it belongs to"
                : FILE_MODIFIED.equals(code) ? "the file's last-modified date, which is approximate"
                : FILE_NAME.equals(code) ? "the date and time written in the file's name"
                : FILE_NAME_DATE.equals(code) ? "the date written in the file's name (the time of day is not known)"
                : "a time from an unrecorded source";
        return "The file holds no camera (EXIF) time, so when it was taken is not known; it is placed at " + when
                + ", " + because + ".";
    }
}
