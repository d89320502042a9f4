package org.casebook.evidence;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects a file's media type from its first bytes (Tika's magic numbers, with the name as a hint) and
 * reads a photo's EXIF capture time and camera (metadata-extractor).
 */
public final class MediaInspector {
    private static final Logger LOG = LoggerFactory.getLogger(MediaInspector.class);
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private static final class TikaHolder {
        static final Tika TIKA = new Tika();
    }

    /** Opens the content again, for reading an image's metadata. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public MediaInfo inspect(Path file, byte[] head) {
        return inspect(file.getFileName().toString(), head, () -> Files.newInputStream(file));
    }

    /** Inspects content that is not a file on disk (a zip entry, an MMS part). */
    public MediaInfo inspect(String name, byte[] head, Source content) {
        String mediaType = TikaHolder.TIKA.detect(head, name);
        if (!mediaType.startsWith("image/")) {
            return new MediaInfo(mediaType, null, null, null);
        }
        try (InputStream in = content.open()) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            return readExif(mediaType, metadata);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            // A photo without readable metadata is still evidence; it just has no capture time.
            LOG.debug("no readable image metadata in an attachment: {}", e.getClass().getSimpleName());
            return new MediaInfo(mediaType, null, null, null);
        }
    }

    private static MediaInfo readExif(String mediaType, Metadata metadata) {
        LocalDateTime captured = null;
        ZoneOffset offset = null;
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (sub != null) {
            captured = parse(sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
            offset = parseOffset(sub.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL));
        }
        if (captured == null && ifd0 != null) {
            captured = parse(ifd0.getString(ExifIFD0Directory.TAG_DATETIME));
        }
        String camera = null;
        if (ifd0 != null) {
            String make = clean(ifd0.getString(ExifIFD0Directory.TAG_MAKE));
            String model = clean(ifd0.getString(ExifIFD0Directory.TAG_MODEL));
            if (make != null && model != null && model.toLowerCase().startsWith(make.toLowerCase())) {
                make = null;
            }
            String joined = Stream.of(make, model).filter(Objects::nonNull).collect(Collectors.joining(" "));
            camera = joined.isEmpty() ? null : joined;
        }
        return new MediaInfo(mediaType, captured, offset, camera);
    }

    private static LocalDateTime parse(String exif) {
        if (exif == null || exif.isBlank() || exif.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(exif.strip().substring(0, Math.min(19, exif.strip().length())), EXIF_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneOffset parseOffset(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZoneOffset.of(text.strip());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
