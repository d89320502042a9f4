package org.casebook.model;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A case: one person's course of conduct to document.
 *
 * @param initials the witness's initials, used in exhibit references such as {@code JS/12}
 * @param zone     the time zone local times in this case are read in
 */
public record Case(long id, String title, String initials, ZoneId zone, Instant created) {
}
