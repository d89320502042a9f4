package org.casebook.bundle.text;

import java.util.List;

/** Real-looking message text in every script the bundle must draw. */
final class SampleTexts {
    static final String LATIN = "Café crème, naïve façade — Łódź, Ærøskøbing, São Paulo, Dvořák";
    static final String CYRILLIC = "Я буду ждать тебя у подъезда каждый вечер";
    static final String GREEK = "Σε είδα χθες στο σταθμό, ξέρω πού μένεις";
    static final String ARABIC = "أعرف أين تسكنين وسأنتظرك غدا";
    static final String HEBREW = "אני יודע איפה את גרה";
    static final String CHINESE = "我知道你住在哪里";
    static final String JAPANESE = "どこに住んでいるか知っている";
    static final String KOREAN = "네가 어디 사는지 알아";
    static final String EMOJI = "😡🔪👀❤️";
    static final String MIXED_LTR = "I saw Ahmed أحمد and Noa נועה at 9pm";
    static final String MIXED_RTL = "הוא שלח 25 הודעות ב-3 שעות";

    static List<String> all() {
        return List.of(LATIN, CYRILLIC, GREEK, ARABIC, HEBREW, CHINESE, JAPANESE, KOREAN, EMOJI, MIXED_LTR, MIXED_RTL);
    }

    private SampleTexts() {
    }
}
