package org.casebook.evidence;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What the file itself says about its content.
 *
 * @param captured       the EXIF capture time as written in the file, or null
 * @param capturedOffset the EXIF offset of that time (OffsetTimeOriginal), or null when the camera wrote none
 * @param camera         make and model, or null
 */
public record MediaInfo(String mediaType, LocalDateTime captured, ZoneOffset capturedOffset, String camera) {
}
