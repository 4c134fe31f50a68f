package org.gatehouse.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void prefersChineseForAnyChineseVariantAndEnglishOtherwise() {
        assertEquals(Problems.CHINESE, Problems.locale(List.of(Locale.forLanguageTag("zh"))));
        assertEquals(Problems.CHINESE, Problems.locale(List.of(Locale.forLanguageTag("zh-Hans-CN"))));
        assertEquals(Problems.CHINESE, Problems.locale(List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("zh-TW"))));
        assertEquals(Locale.ENGLISH, Problems.locale(List.of(Locale.forLanguageTag("en-GB"), Locale.forLanguageTag("zh"))));
        assertEquals(Locale.ENGLISH, Problems.locale(List.of(Locale.forLanguageTag("de"))));
        assertEquals(Locale.ENGLISH, Problems.locale(List.of()));
    }
}
