package org.casebook.bundle;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.TimelineService;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.ItemKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the vault already knows that a bundle read by the other side should not show, offered as redactions:
 * the witness's own addresses, phone numbers and e-mail addresses (the people in the witness role, and whoever
 * sent the case's outgoing messages: the person keeping the record), and the places her photos were taken (their
 * GPS positions, grouped by place; a place photographed again and again is likely her home). A party need not
 * disclose her address or contact details in family proceedings (FPR r.29.1); a redacted copy removes these
 * texts everywhere and every photo's position from the copies it embeds.
 */
public final class KnownDetails {
    private static final Logger LOG = LoggerFactory.getLogger(KnownDetails.class);

    /** What kind of detail, for counting ("an address, 2 phone numbers"). */
    public enum Kind { ADDRESS, PHONE, EMAIL, PLACE }

    /**
     * One detail: the text to redact, and what it is in words ("Jane's address").
     *
     * @param photos for a place, how many photos were taken there; else 0
     */
    public record Detail(Kind kind, String text, String what, int photos) {
    }

    private final Vault vault;

    public KnownDetails(Vault vault) {
        this.vault = vault;
    }

    /** Addresses first, then numbers and e-mail addresses, then places (the most photographed first). */
    public List<Detail> find(long caseId) {
        return find(caseId, Progress.NONE);
    }

    /** As {@link #find(long)}; {@code progress} can stop it between photos (each is read for its position). */
    public List<Detail> find(long caseId, Progress progress) {
        List<Detail> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Person p : witnesses(caseId)) {
            for (Identifier id : p.identifiers()) {
                Kind kind = switch (id.kind()) {
                    case ADDRESS -> Kind.ADDRESS;
                    case PHONE -> Kind.PHONE;
                    case EMAIL -> Kind.EMAIL;
                    case HANDLE, VEHICLE -> null;
                };
                String text = id.raw() == null ? "" : id.raw().strip();
                if (kind == null || text.codePointCount(0, text.length()) < 3
                        || !seen.add(kind + ":" + MatchText.keyOf(text))) {
                    continue;
                }
                out.add(new Detail(kind, text, possessive(p.name()) + " " + switch (kind) {
                    case ADDRESS -> "address";
                    case PHONE -> "phone number";
                    default -> "e-mail address";
                }, 0));
            }
        }
        out.sort(Comparator.comparing(Detail::kind));
        out.addAll(places(caseId, progress));
        return out;
    }

    /** The people on the witness's side: the witness role, and the senders of outgoing messages. */
    private List<Person> witnesses(long caseId) {
        PersonService people = new PersonService(vault);
        Map<Long, Long> merged = people.mergedInto(caseId);
        Map<Long, Person> out = new LinkedHashMap<>();
        for (Person p : people.list(caseId)) {
            if (p.role() == PersonRole.WITNESS) {
                out.put(p.id(), p);
            }
        }
        for (Person p : people.outgoingSenders(caseId)) {
            long id = merged.getOrDefault(p.id(), p.id());
            if (!out.containsKey(id)) {
                Person kept = id == p.id() ? p : people.get(id);
                if (kept.role() != PersonRole.PERPETRATOR && kept.role() != PersonRole.THIRD_PARTY) {
                    out.put(id, kept);
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static String possessive(String name) {
        String n = name == null || name.isBlank() ? "the witness" : name.strip();
        if (n.equalsIgnoreCase("me")) {
            return "your";
        }
        return n + (n.endsWith("s") ? "'" : "'s");
    }

    /** The photos' GPS positions, grouped into places within {@link Redactor#NEAR_DEGREES} of each other. */
    private List<Detail> places(long caseId, Progress progress) {
        List<String> photos = new ArrayList<>();
        new TimelineService(vault).forEach(caseId, item -> {
            if (item.kind() == ItemKind.ATTACHMENT && item.sha256() != null && item.type() != null
                    && item.type().startsWith("image/")) {
                photos.add(item.sha256());
            }
        });
        Originals originals = new Originals(vault);
        List<double[]> places = new ArrayList<>(); // lat, lon, count
        for (String sha : new LinkedHashSet<>(photos)) {
            progress.checkCancelled();
            GeoLocation at;
            try {
                at = originals.read(sha, in -> {
                    Metadata m;
                    try {
                        m = ImageMetadataReader.readMetadata(in);
                    } catch (com.drew.imaging.ImageProcessingException e) {
                        return null; // no metadata to read: no position either
                    }
                    GpsDirectory gps = m.getFirstDirectoryOfType(GpsDirectory.class);
                    return gps == null ? null : gps.getGeoLocation();
                });
            } catch (RuntimeException e) {
                LOG.debug("no readable position in a photo: {}", e.getClass().getSimpleName());
                continue;
            }
            if (at == null || at.isZero()) {
                continue;
            }
            double[] place = places.stream().filter(p -> near(p, at)).findFirst().orElse(null);
            if (place == null) {
                places.add(new double[] {at.getLatitude(), at.getLongitude(), 1});
            } else {
                place[2]++;
            }
        }
        places.sort(Comparator.comparingDouble((double[] p) -> -p[2]));
        List<Detail> out = new ArrayList<>();
        for (double[] p : places) {
            int n = (int) p[2];
            out.add(new Detail(Kind.PLACE, String.format(Locale.ROOT, "%.5f, %.5f", p[0], p[1]),
                    "where " + (n == 1 ? "a photo was" : n + " photos were") + " taken (its GPS position"
                    + (n > 1 ? "; a place photographed again and again is often home)" : ")"), n));
        }
        return out;
    }

    private static boolean near(double[] place, GeoLocation at) {
        double dLon = Math.abs(at.getLongitude() - place[1]) * Math.cos(Math.toRadians(place[0]));
        return Math.abs(at.getLatitude() - place[0]) <= Redactor.NEAR_DEGREES && dLon <= Redactor.NEAR_DEGREES;
    }

    /** "an address, 2 phone numbers and the places 5 photos were taken": what {@code details} hold, in words. */
    public static String inWords(List<Detail> details) {
        Map<Kind, Integer> count = new java.util.EnumMap<>(Kind.class);
        for (Detail d : details) {
            count.merge(d.kind(), 1, Integer::sum);
        }
        int photos = details.stream().mapToInt(Detail::photos).sum();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Kind, Integer> e : count.entrySet()) {
            int n = e.getValue();
            parts.add(switch (e.getKey()) {
                case ADDRESS -> n == 1 ? "an address" : n + " addresses";
                case PHONE -> n == 1 ? "a phone number" : n + " phone numbers";
                case EMAIL -> n == 1 ? "an e-mail address" : n + " e-mail addresses";
                case PLACE -> "the GPS position" + (n == 1 ? "" : "s") + " of " + photos
                        + (photos == 1 ? " photo" : " photos");
            });
        }
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "nothing" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
