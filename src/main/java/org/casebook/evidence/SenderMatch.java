package org.casebook.evidence;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Person;

/**
 * How a name or number someone typed, a person's numbers and names, and the senders an export names are
 * compared: the one rule wherever Casebook decides that two of them are the same person.
 *
 * <ul>
 * <li>A phone number is compared in E.164 form, read with the case's country when it is written without one:
 *     in a case kept in Europe/London, {@code 07700 900123}, {@code +44 7700 900123} and
 *     {@code 0044 (7700) 900-123} are one number. The country comes from the case's time zone (the region
 *     ICU's time-zone data gives it: Europe/London is GB, America/New_York is US); a zone with no country (UTC)
 *     leaves national numbers as their digits, and a national number still matches an international one of
 *     the country the international one names.</li>
 * <li>An e-mail address is compared in lower case, a handle without its {@code @}.</li>
 * <li>A name is compared ignoring case, spaces, accents and invisible characters: {@code Zoë Smith} is
 *     {@code zoe smith} and {@code ZOE  SMITH}.</li>
 * </ul>
 */
public final class SenderMatch {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern PHONE_LIKE = Pattern.compile("[+(]?[0-9][0-9 ()./\\-\u00A0\u2010-\u2013]{3,}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final String region;

    private SenderMatch(String region) {
        this.region = region;
    }

    /** Matching for a case kept in {@code zone}: national numbers are read in the zone's country. */
    public static SenderMatch forZone(ZoneId zone) {
        return new SenderMatch(regionOf(zone));
    }

    /**
     * The two-letter country of a time zone (Europe/London → GB), or null when the zone has none (UTC,
     * Etc/GMT+5) or libphonenumber does not know it.
     */
    public static String regionOf(ZoneId zone) {
        if (zone == null || zone.normalized() instanceof java.time.ZoneOffset) {
            // A fixed offset (Z, +01:00, UTC+01:00) belongs to no country; ICU knows only named zones.
            return null;
        }
        String region;
        try {
            region = com.ibm.icu.util.TimeZone.getRegion(zone.getId());
        } catch (IllegalArgumentException e) {
            // a zone java.time knows and ICU's older data does not: no country, as for UTC
            return null;
        }
        if (region == null || region.length() != 2 || !PHONES.getSupportedRegions().contains(region)) {
            return null;
        }
        return region;
    }

    /** The country national numbers are read in, or null. */
    public String region() {
        return region;
    }

    /** What kind of identifier a sender's address or a typed value looks like. */
    public static IdentifierKind kindOf(String value) {
        String v = visible(value).strip();
        if (v.indexOf('@') > 0) {
            return IdentifierKind.EMAIL;
        }
        return PHONE_LIKE.matcher(v).matches() ? IdentifierKind.PHONE : IdentifierKind.HANDLE;
    }

    /**
     * The keys a value is known by: its name key, and its number, address or handle key when it looks like
     * one. Two values are the same person's when their keys meet.
     */
    public Set<String> keys(String value) {
        Set<String> keys = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return keys;
        }
        String name = nameKey(value);
        if (!name.isEmpty()) {
            keys.add("name:" + name);
        }
        String id = identifierKey(kindOf(value), value);
        if (id != null) {
            keys.add(id);
        }
        return keys;
    }

    /** The keys a sender is known by: those of the name and of the address the export gives. */
    public Set<String> senderKeys(String name, String address) {
        Set<String> keys = keys(name);
        keys.addAll(keys(address));
        return keys;
    }

    /** The keys a person is known by: their name and every number, address and handle (not postal addresses). */
    public Set<String> personKeys(Person p) {
        Set<String> keys = keys(p.name());
        for (Identifier i : p.identifiers()) {
            String key = identifierKey(i.kind(), i.raw());
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The key of one identifier of a known kind; null for a postal address (never matched against senders). */
    public String identifierKey(IdentifierKind kind, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (kind) {
            case PHONE -> {
                String phone = phoneKey(raw);
                yield phone == null ? null : "phone:" + phone;
            }
            case EMAIL -> "email:" + visible(raw).strip().toLowerCase(Locale.ROOT);
            case HANDLE -> {
                String handle = nameKey(raw.strip().startsWith("@") ? raw.strip().substring(1) : raw);
                yield handle.isEmpty() ? null : "name:" + handle;
            }
            case ADDRESS, VEHICLE -> null;
        };
    }

    /**
     * Whether two values name the same person: a key in common, or a number written without its country that is
     * the other's international number read in that number's country.
     */
    public boolean same(Set<String> a, Set<String> b) {
        for (String k : a) {
            if (b.contains(k)) {
                return true;
            }
        }
        for (String x : a) {
            for (String y : b) {
                if (x.startsWith("phone:") && y.startsWith("phone:") && nationalMatches(x.substring(6), y.substring(6))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A phone number's E.164 form ({@code +447700900123}); a number written without its country when the case
     * has none, or one libphonenumber cannot read, is its digits (a leading "+" and "00" kept as "+").
     */
    String phoneKey(String raw) {
        String digits = Identifier.normalize(IdentifierKind.PHONE, visible(raw));
        if (digits.isEmpty() || digits.equals("+")) {
            return null;
        }
        if (!digits.startsWith("+") && region == null) {
            return digits;
        }
        try {
            PhoneNumber number = PHONES.parse(digits, digits.startsWith("+") ? null : region);
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return digits;
        }
    }

    /** A national number (digits, no "+") read in the country of an international one, compared with it. */
    private static boolean nationalMatches(String x, String y) {
        String international = x.startsWith("+") ? x : y.startsWith("+") ? y : null;
        String national = international == x ? y : x;
        if (international == null || national.startsWith("+")) {
            return false;
        }
        try {
            String country = PHONES.getRegionCodeForNumber(PHONES.parse(international, null));
            if (country == null || country.equals("ZZ")) {
                return false;
            }
            return PHONES.format(PHONES.parse(national, country), PhoneNumberUtil.PhoneNumberFormat.E164)
                    .equals(international);
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** A name folded for comparison: no case, no spaces, no accents, no invisible characters. */
    public static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(visible(name), Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        StringBuilder out = new StringBuilder(bare.length());
        bare.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The text without characters that are never shown (bidi marks, zero-width spaces, controls). */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !VisibleText.hidden(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
