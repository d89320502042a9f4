package org.casebook.vault;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Recognises a file that is clearly something other than a vault, from its first bytes: a photo, a PDF, an archive,
 * a recording, a program, a text file. A vault begins with 16 random bytes (the cipher's salt), so a short signature
 * can match a vault by chance; the signatures here are long or checked against the file's structure, and the caller
 * names a file by its kind only when it also cannot be a vault (wrong size, or the passphrase does not open it).
 */
final class KnownFileKinds {
    /** How much of the file is looked at. */
    static final int HEAD = 4096;

    private KnownFileKinds() {
    }

    /** What the file is, as "a JPEG image", or null when it is not recognisably anything. */
    static String describe(byte[] head, long size) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "a PNG image";
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return "a GIF image";
        }
        if (ascii(head, 0, "II*\0") || ascii(head, 0, "MM\0*")) {
            return "a TIFF image";
        }
        if (ascii(head, 0, "BM") && head.length >= 6 && littleEndian32(head, 2) == size) {
            return "a BMP image";
        }
        if (ascii(head, 0, "RIFF") && head.length >= 12) {
            String form = new String(head, 8, 4, StandardCharsets.US_ASCII);
            switch (form) {
                case "WEBP": return "a WebP image";
                case "WAVE": return "a WAV recording";
                case "AVI ": return "an AVI video";
                default: break;
            }
        }
        if (ascii(head, 4, "ftyp") && head.length >= 12) {
            return isoMedia(new String(head, 8, 4, StandardCharsets.US_ASCII));
        }
        if (ascii(head, 0, "%PDF-")) {
            return "a PDF document";
        }
        if (startsWith(head, 0, 'P', 'K', 3, 4) || startsWith(head, 0, 'P', 'K', 5, 6)) {
            return "a ZIP archive (such as a chat export, or a Word, Excel or OpenDocument file)";
        }
        if (startsWith(head, 0, 0x1F, 0x8B, 0x08) && head.length > 3 && (head[3] & 0xE0) == 0) {
            return "a gzip archive";
        }
        if (startsWith(head, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "a 7-Zip archive";
        }
        if (ascii(head, 0, "Rar!\u001A\u0007")) {
            return "a RAR archive";
        }
        if (startsWith(head, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "an older Microsoft Office document";
        }
        if (ascii(head, 0, "ID3")) {
            return "an MP3 recording";
        }
        if (ascii(head, 0, "OggS")) {
            return "an Ogg recording";
        }
        if (ascii(head, 0, "fLaC")) {
            return "a FLAC recording";
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "a Matroska or WebM video";
        }
        if (startsWith(head, 0, 0x7F, 'E', 'L', 'F')) {
            return "a program (an ELF executable)";
        }
        if (ascii(head, 0, "MZ") && head.length >= 64) {
            int pe = (int) littleEndian32(head, 60);
            if (pe >= 0 && pe + 4 <= head.length && ascii(head, pe, "PE\0\0")) {
                return "a Windows program";
            }
        }
        if (startsWith(head, 0, 0xCF, 0xFA, 0xED, 0xFE) || startsWith(head, 0, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "a macOS program";
        }
        if (isText(head)) {
            return "a text file";
        }
        return null;
    }

    private static String isoMedia(String brand) {
        return switch (brand) {
            case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1" -> "a HEIC photo";
            case "avif", "avis" -> "an AVIF image";
            case "qt  " -> "a QuickTime video";
            case "M4A ", "M4B " -> "an M4A recording";
            case "3gp4", "3gp5", "3gp6", "3g2a" -> "a 3GP video";
            default -> "an MP4 video";
        };
    }

    /**
     * Text in UTF-8 (or UTF-16 with a byte-order mark) with no control characters but tabs, line and page breaks:
     * 4 KiB of a vault's random bytes are never that.
     */
    static boolean isText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        String text = null;
        if (startsWith(head, 0, 0xFF, 0xFE)) {
            text = decode(head, 2, StandardCharsets.UTF_16LE, 1);
        } else if (startsWith(head, 0, 0xFE, 0xFF)) {
            text = decode(head, 2, StandardCharsets.UTF_16BE, 1);
        } else {
            text = decode(head, 0, StandardCharsets.UTF_8, 3);
        }
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] bytes, int from, Charset charset, int allowedTrailing) {
        int length = bytes.length - from;
        for (int cut = 0; cut <= allowedTrailing && cut < length; cut++) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, from, length - cut)).toString();
            } catch (CharacterCodingException e) {
                // try without the last byte: the head may end inside a character
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int at, int... signature) {
        if (head.length < at + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[at + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int at, String signature) {
        return startsWith(head, at, signature.chars().toArray());
    }

    private static long littleEndian32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
