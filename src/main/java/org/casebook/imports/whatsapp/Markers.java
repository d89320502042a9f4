package org.casebook.imports.whatsapp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The markers WhatsApp writes into message bodies, in the languages we know, and the generic shapes that
 * catch the others (FORMATS.md §1, pitfall 9). Every check works on the raw body without changing it; the
 * cheap tests on the first and last characters come first, since most messages carry no marker.
 */
final class Markers {
    static final char LRM = '\u200E';

    /** "This message was deleted" and "You deleted this message", lower case, without the final full stop. */
    private static final PhraseSet DELETED = new PhraseSet(
            "this message was deleted", "you deleted this message",
            "diese nachricht wurde gelöscht", "du hast diese nachricht gelöscht",
            "se eliminó este mensaje", "eliminaste este mensaje", "este mensaje fue eliminado",
            "ce message a été supprimé", "vous avez supprimé ce message",
            "questo messaggio è stato eliminato", "hai eliminato questo messaggio",
            "mensagem apagada", "essa mensagem foi apagada", "esta mensagem foi apagada",
            "você apagou esta mensagem", "apagaste esta mensagem", "esta mensagem foi eliminada",
            "eliminaste esta mensagem",
            "dit bericht is verwijderd", "je hebt dit bericht verwijderd", "u hebt dit bericht verwijderd",
            "tämä viesti poistettiin", "poistit tämän viestin",
            "detta meddelande har raderats", "du raderade det här meddelandet",
            "denne besked blev slettet", "du slettede denne besked",
            "denne meldingen ble slettet", "du slettet denne meldingen",
            "ta wiadomość została usunięta", "usunięto tę wiadomość", "usunąłeś tę wiadomość",
            "bu mesaj silindi", "bu mesajı sildiniz", "bu mesajı sildin",
            "это сообщение удалено", "данное сообщение удалено", "вы удалили это сообщение",
            "pesan ini telah dihapus", "anda menghapus pesan ini");

    /** The text of an "edited" suffix inside its angle brackets. */
    private static final PhraseSet EDITED = new PhraseSet(
            "this message was edited", "diese nachricht wurde bearbeitet", "se editó este mensaje",
            "ce message a été modifié", "questo messaggio è stato modificato", "essa mensagem foi editada",
            "esta mensagem foi editada", "dit bericht is bewerkt", "tätä viestiä on muokattu",
            "meddelandet har redigerats", "wiadomość edytowana", "bu mesaj düzenlendi",
            "сообщение изменено", "pesan ini telah diedit", "pesan diedit");

    /** Words that mark left-out media: Android {@code <Media omitted>}, iOS {@code ‎image omitted}. */
    private static final Set<String> OMITTED_WORDS = Set.of(
            "omitted", "ausgeschlossen", "weggelassen", "omitido", "omitida", "omitidos", "omitidas", "omis",
            "omise", "omises", "absent", "absente", "omesso", "omessa", "omessi", "omesse", "oculto", "oculta",
            "ocultado", "ocultada", "ocultos", "weggelaten", "utelämnad", "utelämnat", "udeladt", "utelatt",
            "pominięto", "pominięte", "disertakan", "dahil", "медиафайлов", "опущено", "пропущено");

    /** The phrase after an Android attached file name, "(file attached)", or in older iOS "<‎attached>". */
    private static final PhraseSet ATTACHED = new PhraseSet(
            "file attached", "attached", "datei angehängt", "angehängt", "anhang", "archivo adjunto", "adjunto",
            "fichier joint", "joint", "pièce jointe", "file allegato", "allegato", "arquivo anexado", "anexado",
            "anexo", "ficheiro anexado", "bestand bijgevoegd", "bijgevoegd", "bijlage", "liitetty tiedosto",
            "liite", "dosya ekli", "ekli", "файл прикреплен", "файл прикреплён", "прикреплено",
            "załączony plik", "załącznik", "bifogad fil", "fil vedhæftet", "vedlagt fil", "berkas terlampir",
            "terlampir");

    /**
     * How WhatsApp's encryption notice begins, lower case: "Messages and calls are end-to-end encrypted…",
     * older "Messages to this chat and calls are now secured with end-to-end encryption…", and the same in
     * other languages. A notice starts with the word for "messages" and names end-to-end encryption.
     */
    private static final List<String> NOTICE_OPENINGS = List.of(
            "messages", "your messages", "nachrichten", "los mensajes", "mensajes", "les messages", "as mensagens",
            "mensagens", "i messaggi", "messaggi", "berichten", "wiadomości", "pesan", "meddelanden", "meldinger",
            "beskeder", "viestit", "mesajlar", "сообщения", "повідомлення", "הודעות", "الرسائل", "消息", "訊息",
            "メッセージ", "메시지", "संदेश", "zprávy", "üzenetek", "mesajele", "μηνύματα", "tin nhắn", "ข้อความ");
    private static final List<String> NOTICE_ENCRYPTION = List.of(
            "end-to-end", "ende-zu-ende", "extremo a extremo", "bout en bout", "ponta a ponta", "uçtan uca",
            "сквозным шифрованием", "наскрізним шифруванням", "päästä päähän", "ende-til-ende", "end-to-end-",
            "от край до край", "קצה לקצה", "طرف إلى طرف", "الطرفين", "端到端", "端對端", "エンドツーエンド", "종단간",
            "엔드투엔드", "एंड-टू-एंड", "mã hóa đầu cuối", "ตั้งแต่ต้นทางถึงปลายทาง", "végpontok között",
            "cap-coadă", "από άκρο σε άκρο", "koncovými");

    /**
     * The word for "calls" that today's notice puts right after "messages and" ("Messages and calls are
     * end-to-end encrypted", "Сообщения и звонки защищены сквозным шифрованием"): with it the text is the notice
     * wherever it stands in the chat.
     */
    private static final List<String> NOTICE_CALLS = List.of(
            "calls", "anrufe", "llamadas", "appels", "chamadas", "chiamate", "звонки", "aramalar", "oproepen",
            "połączenia", "panggilan", "samtal", "puhelut", "opkald", "anrop", "дзвінки", "שיחות", "المكالمات",
            "通话", "通話", "통화", "कॉल", "hovory", "hívások", "apelurile", "κλήσεις", "cuộc gọi", "การโทร");

    /**
     * The first two letters of every opening, case folded as {@link String#regionMatches(boolean, int, String, int,
     * int)} compares them, sorted: most messages are rejected on these two letters alone.
     */
    private static final int[] NOTICE_OPENING_HEADS = NOTICE_OPENINGS.stream()
            .mapToInt(o -> head(o, 0)).distinct().sorted().toArray();

    private Markers() {
    }

    /** The case-folded letters at {@code at} and {@code at + 1} as one int. */
    private static int head(String s, int at) {
        return fold(s.charAt(at)) << 16 | fold(s.charAt(at + 1));
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * The notice in its current wording ("Messages and calls are end-to-end encrypted…" in any language we
     * know): a system line wherever it stands.
     */
    static boolean isCurrentEncryptionNotice(String raw) {
        if (!isEncryptionNotice(raw)) {
            return false;
        }
        int s = trimStart(raw, 0, raw.length());
        String head = raw.substring(s, Math.min(raw.length(), s + 60)).toLowerCase(Locale.ROOT);
        for (String c : NOTICE_CALLS) {
            if (head.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** WhatsApp's notice that the chat is end-to-end encrypted, in any language we know the words of. */
    static boolean isEncryptionNotice(String raw) {
        int n = raw.length();
        if (n < 20 || n > 400) {
            return false;
        }
        int s = trimStart(raw, 0, n);
        if (s + 1 >= n || Arrays.binarySearch(NOTICE_OPENING_HEADS, head(raw, s)) < 0) {
            return false;
        }
        boolean opens = false;
        // compared in place: this runs for every one-line message, so nothing is allocated until it opens right
        for (String o : NOTICE_OPENINGS) {
            int end = s + o.length();
            if (raw.regionMatches(true, s, o, 0, o.length()) && (end == n || !Character.isLetter(raw.charAt(end)))) {
                opens = true;
                break;
            }
        }
        if (!opens) {
            return false;
        }
        String text = raw.substring(s).toLowerCase(Locale.ROOT);
        for (String e : NOTICE_ENCRYPTION) {
            if (text.contains(e)) {
                return true;
            }
        }
        return false;
    }

    /** Bidi marks, embeddings and isolates (U+200E/F, U+202A-E, U+2066-9), and a stray BOM. */
    static boolean isBidi(char c) {
        return c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\uFEFF';
    }

    /** The string without bidi controls (for names; never applied to a body). */
    static String stripBidi(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && (s.charAt(i) < '\u200E' || !isBidi(s.charAt(i)))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isBidi(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** White space, a no-break space or a bidi control: what trimming a marker skips. */
    private static boolean skippable(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < '\u00A0') {
            return false;
        }
        return c == '\u00A0' || (c >= '\u2000' && (c <= '\u200A' || c == '\u202F' || c == '\u205F' || c == '\u3000'
                || isBidi(c)));
    }

    /** Index of the first char that is neither white space nor a bidi control, from the left. */
    private static int trimStart(String s, int from, int to) {
        while (from < to && skippable(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** One past the last char that is neither white space nor a bidi control. */
    private static int trimEnd(String s, int from, int to) {
        while (to > from && skippable(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** "This message was deleted" and its translations, alone in the body. */
    static boolean isDeleted(String raw) {
        int n = raw.length();
        if (n < 10 || n > 64) {
            return false;
        }
        int s = trimStart(raw, 0, n);
        int e = trimEnd(raw, s, n);
        if (e > s && raw.charAt(e - 1) == '.') {
            e--;
        }
        return DELETED.matches(raw, s, e);
    }

    /** An edited suffix, {@code <This message was edited>}, at the end of the body. */
    static boolean isEdited(String raw) {
        int e = trimEnd(raw, 0, raw.length());
        if (e < 10 || raw.charAt(e - 1) != '>') {
            return false;
        }
        int lt = raw.lastIndexOf('<', e - 1);
        if (lt < 0) {
            return false;
        }
        int is = trimStart(raw, lt + 1, e - 1);
        int ie = trimEnd(raw, is, e - 1);
        if (ie > is && raw.charAt(ie - 1) == '.') {
            ie--;
        }
        return EDITED.matches(raw, is, ie);
    }

    /**
     * The omitted-media marker in the first line ({@code text[0..n)}), as written with bidi controls trimmed,
     * or null: Android's {@code <Media omitted>} (and translations), iOS's {@code ‎image omitted},
     * {@code ‎GIF omitted}, ...
     */
    static String omitted(String text, int n) {
        if (n < 4 || n > 200) {
            return null;
        }
        int s = trimStart(text, 0, n);
        int e = trimEnd(text, s, n);
        if (e - s < 4) {
            return null;
        }
        if (text.charAt(s) == '<' && text.charAt(e - 1) == '>' && e - s <= 60) {
            int colon = text.indexOf(':', s);
            if ((colon < 0 || colon >= e) && hasWord(text, s + 1, e - 1, OMITTED_WORDS)) {
                return text.substring(s, e);
            }
            return null;
        }
        int lrm = text.lastIndexOf(LRM, n - 1);
        if (lrm < 0) {
            return null;
        }
        int ts = trimStart(text, lrm, n);
        if (e - ts > 40 || e <= ts || words(text, ts, e) > 4) {
            return null;
        }
        return hasWord(text, ts, e, OMITTED_WORDS) ? text.substring(ts, e) : null;
    }

    /** An attachment reference found in a first line. */
    record Attached(String name, boolean certain) {
    }

    /**
     * The file the first line ({@code text[0..n)}) refers to, or null: iOS {@code ‎<attached: NAME>} (also after a document's
     * "• 3 pages"), older iOS {@code NAME <‎attached>}, Android {@code NAME (file attached)}. {@code certain}
     * is false when the phrase is in a language we do not know: the importer then takes it as an attachment
     * only if the export holds a file of that name.
     */
    static Attached attached(String text, int n) {
        if (n < 5) {
            return null;
        }
        int s = trimStart(text, 0, n);
        int e = trimEnd(text, s, n);
        if (e - s < 5) {
            return null;
        }
        char last = text.charAt(e - 1);
        if (last == '>') {
            int lt = text.lastIndexOf('<', e - 1);
            if (lt < s) {
                return null;
            }
            int is = trimStart(text, lt + 1, e - 1);
            int ie = trimEnd(text, is, e - 1);
            int colon = text.indexOf(": ", is);
            if (colon >= 0 && colon + 2 <= ie) {
                // <attached: NAME>, in any language
                if (colon - is > 40) {
                    return null;
                }
                String name = stripBidi(text.substring(colon + 2, ie)).strip();
                return isFileName(name) ? new Attached(name, true) : null;
            }
            // NAME <attached>
            if (ie - is > 40 || lt == s) {
                return null;
            }
            String name = stripBidi(text.substring(s, lt)).strip();
            if (!isFileName(name)) {
                return null;
            }
            return new Attached(name, ATTACHED.matches(text, is, ie));
        }
        if (last == ')') {
            int lp = text.lastIndexOf(" (", e - 1);
            if (lp < s) {
                return null;
            }
            int is = trimStart(text, lp + 2, e - 1);
            int ie = trimEnd(text, is, e - 1);
            if (ie - is > 40) {
                return null;
            }
            String name = stripBidi(text.substring(s, lp)).strip();
            if (!isFileName(name)) {
                return null;
            }
            return new Attached(name, ATTACHED.matches(text, is, ie));
        }
        return null;
    }

    /** A bare file name with an extension: {@code IMG-20210428-WA0001.jpg}, {@code report final.pdf}. */
    static boolean isFileName(String name) {
        int n = name.length();
        if (n < 3 || n > 255) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || n - dot - 1 < 1 || n - dot - 1 > 10) {
            return false;
        }
        for (int i = dot + 1; i < n; i++) {
            if (!Character.isLetterOrDigit(name.charAt(i))) {
                return false;
            }
        }
        for (int i = 0; i < dot; i++) {
            char c = name.charAt(i);
            if (c == '<' || c == '>' || c == '\n' || c == '/' || c == '\\' || c == ':') {
                return false;
            }
        }
        return true;
    }

    private static int words(String s, int from, int to) {
        int count = 0;
        boolean in = false;
        for (int i = from; i < to; i++) {
            boolean space = Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u00A0';
            if (!space && !in) {
                count++;
            }
            in = !space;
        }
        return count;
    }

    private static boolean hasWord(String s, int from, int to, Set<String> words) {
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetter(s.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < to && Character.isLetter(s.charAt(j))) {
                j++;
            }
            if (j > i && words.contains(s.substring(i, j).toLowerCase(Locale.ROOT))) {
                return true;
            }
            i = j;
        }
        return false;
    }

    /** Lower-case phrases looked up by length, compared ignoring case, without allocating. */
    private static final class PhraseSet {
        private final Map<Integer, List<String>> byLength = new HashMap<>();

        PhraseSet(String... phrases) {
            for (String p : phrases) {
                byLength.computeIfAbsent(p.length(), k -> new java.util.ArrayList<>()).add(p);
            }
        }

        boolean matches(String s, int from, int to) {
            List<String> candidates = byLength.get(to - from);
            if (candidates == null) {
                return false;
            }
            for (String c : candidates) {
                if (s.regionMatches(true, from, c, 0, c.length())) {
                    return true;
                }
            }
            return false;
        }
    }
}
