package org.casebook.imports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * When a message was sent, exactly as precise as the source is: a local wall-clock time with no zone
 * (WhatsApp, Signal text, old Telegram: the case's or the user's zone is applied later, and recorded), or an
 * instant (epoch-based formats), with the offset the source wrote when it wrote one (e-mail, Discord).
 */
public record MessageTime(LocalDateTime local, Instant instant, ZoneOffset offset) {
    public static MessageTime local(LocalDateTime local) {
        return new MessageTime(local, null, null);
    }

    public static MessageTime instant(Instant instant) {
        return new MessageTime(null, instant, null);
    }

    public static MessageTime withOffset(Instant instant, ZoneOffset offset) {
        return new MessageTime(null, instant, offset);
    }

    public boolean isLocal() {
        return local != null;
    }
}
