package dev.mentoring.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NoticeTextsTest {

    static final OffsetDateTime START = OffsetDateTime.of(2031, 6, 2, 12, 30, 0, 0, ZoneOffset.UTC);

    private static Notice.Refs session(String detail) {
        return Notice.Refs.partnership(UUID.randomUUID()).withSession(UUID.randomUUID(), START, null).withDetail(detail);
    }

    @Test
    void everyKindHasATextInEveryLanguageAndNoPlaceholderLeft() {
        for (NoticeKind kind : NoticeKind.values()) {
            for (String language : NoticeTexts.LANGUAGES) {
                String text = NoticeTexts.text(kind, session("2031-06-01"), language, ZoneOffset.UTC);
                assertThat(text).as(kind + " in " + language).isNotBlank().doesNotContain("null").doesNotContain("?").matches(t -> t.endsWith(".") || t.endsWith("!"), "ends a sentence").doesNotContain("{");
            }
        }
    }

    @Test
    void timesAreThePersonsInTheirLanguage() {
        assertThat(NoticeTexts.text(NoticeKind.SESSION_REMINDER, session("PT1H"), "da", ZoneId.of("Europe/Copenhagen")))
                .isEqualTo("Jeres møde begynder om en time, kl. 14:30.");
        assertThat(NoticeTexts.text(NoticeKind.SESSION_SCHEDULED, session(null), "da", ZoneId.of("Europe/Copenhagen")))
                .isEqualTo("Et møde er planlagt mandag den 2. juni kl. 14:30.");
        assertThat(NoticeTexts.text(NoticeKind.SESSION_SCHEDULED, session(null), "en", ZoneId.of("Asia/Tokyo")))
                .isEqualTo("A session is scheduled for Monday 2 June at 21:30.");
        assertThat(NoticeTexts.text(NoticeKind.ACTION_ITEM_OVERDUE, session("2031-06-01"), "en", ZoneOffset.UTC))
                .isEqualTo("An action item of yours was due on 1 June 2031.");
    }

    @Test
    void theLanguageIsTheChosenOneElseTheProfilesFirstWrittenOneElseEnglish() {
        assertThat(NoticeTexts.languageOf("da", List.of("en"))).isEqualTo("da");
        assertThat(NoticeTexts.languageOf(null, List.of("de", "da-DK", "en"))).isEqualTo("da");
        assertThat(NoticeTexts.languageOf("xx", List.of("fr"))).isEqualTo("en");
        assertThat(NoticeTexts.languageOf(null, null)).isEqualTo("en");
        assertThat(NoticeTexts.zoneOf("Mars/Olympus")).isEqualTo(ZoneOffset.UTC);
        assertThat(NoticeTexts.zoneOf("Europe/Copenhagen")).isEqualTo(ZoneId.of("Europe/Copenhagen"));
    }
}
