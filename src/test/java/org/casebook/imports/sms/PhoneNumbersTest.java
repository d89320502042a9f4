package org.casebook.imports.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
    @Test
    void removesSeparatorsOnlyAndGuessesNothing() {
        assertEquals("+447700900123", PhoneNumbers.normalise("+44 7700 900123"));
        assertEquals("+447700900123", PhoneNumbers.normalise("+44-7700-900-123"));
        assertEquals("+447700900123", PhoneNumbers.normalise(" +44\u00A07700\u202F900123 "));
        assertEquals("07700900123", PhoneNumbers.normalise("07700 900123"), "no country is guessed");
        assertEquals("5551234567", PhoneNumbers.normalise("(555) 123-4567"));
        assertEquals("+15551234567", PhoneNumbers.normalise("+1 (555) 123.4567"));
        assertEquals("0123", PhoneNumbers.normalise("٠١٢٣"), "digits in other scripts");
        assertEquals("12345", PhoneNumbers.normalise("12345"));
        assertEquals("MPESA", PhoneNumbers.normalise("MPESA"));
        assertEquals("Vodafone UK", PhoneNumbers.normalise(" Vodafone  UK "));
        assertEquals("ann@example.com", PhoneNumbers.normalise("Ann@Example.com"));
        assertEquals("", PhoneNumbers.normalise(null));
        assertEquals("", PhoneNumbers.normalise("null"));
        assertEquals("", PhoneNumbers.normalise("  "));
        assertEquals("+", PhoneNumbers.normalise("+"));
    }
}
