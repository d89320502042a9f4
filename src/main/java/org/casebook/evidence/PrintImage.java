package org.casebook.evidence;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A photo's print rendition: a baseline sRGB JPEG, already turned upright, at most
 * {@value PrintRenditions#MAX_EDGE} pixels on its long edge. The bundle embeds these bytes as they are
 * (a DCT image needs no re-encoding), while the original travels separately as an embedded file.
 *
 * @param originalBlobId the stored original this was made from
 */
public record PrintImage(long originalBlobId, int width, int height, byte[] jpeg) {
    public InputStream open() {
        return new ByteArrayInputStream(jpeg);
    }
}
