package dev.mentoring.notification.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The short text of a notice in the person's language (English and Danish; more are a map entry each), with times in
 * the person's time zone. Made when the notice is read, so a changed language or time zone shows at once. Texts name
 * nobody and quote nothing anyone wrote: events carry no names and no free text.
 */
public final class NoticeTexts {

    /** The languages texts are written in; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "da");

    private static final Map<String, Locale> LOCALES = Map.of("en", Locale.UK, "da", Locale.forLanguageTag("da-DK"));
    private static final Map<String, DateTimeFormatter> MOMENT = Map.of(
            "en", DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", LOCALES.get("en")),
            "da", DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM 'kl.' HH:mm", LOCALES.get("da")));
    private static final Map<String, DateTimeFormatter> TIME = Map.of(
            "en", DateTimeFormatter.ofPattern("HH:mm", LOCALES.get("en")), "da", DateTimeFormatter.ofPattern("HH:mm", LOCALES.get("da")));
    private static final Map<String, DateTimeFormatter> DAY = Map.of(
            "en", DateTimeFormatter.ofPattern("d MMMM yyyy", LOCALES.get("en")), "da", DateTimeFormatter.ofPattern("d. MMMM yyyy", LOCALES.get("da")));

    private NoticeTexts() {
    }

    /** Whether texts are written in this language. */
    public static boolean supported(String language) {
        return language != null && LANGUAGES.contains(language);
    }

    /**
     * The language of a person's texts: the one they chose for the inbox, else the first of their profile's languages
     * that texts are written in, else English.
     */
    public static String languageOf(String chosen, List<String> profileLanguages) {
        if (supported(chosen)) {
            return chosen;
        }
        if (profileLanguages != null) {
            for (String language : profileLanguages) {
                String code = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
                if (code != null && code.length() > 2) {
                    code = code.substring(0, 2); // da-DK
                }
                if (supported(code)) {
                    return code;
                }
            }
        }
        return LANGUAGES.get(0);
    }

    /** The zone of the person's profile, else UTC (a zone the JDK does not know is UTC too). */
    public static ZoneId zoneOf(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The notice's text in the language ({@link #languageOf}), times in the zone. */
    public static String text(NoticeKind kind, Notice.Refs refs, String language, ZoneId zone) {
        boolean da = "da".equals(language);
        String lang = da ? "da" : "en";
        return switch (kind) {
            case REQUEST_RECEIVED -> "MATCHING_RUN".equals(refs.detail())
                    ? (da ? "Matchningen har foreslået dig som mentor for en mentee. Svar på anmodningen."
                            : "The matching run proposed you as a mentee's mentor. Please answer the request.")
                    : (da ? "En mentee har bedt dig om at være deres mentor." : "A mentee asked you to be their mentor.");
            case REQUEST_ACCEPTED -> da ? "Din anmodning om en mentor er accepteret." : "Your mentor request was accepted.";
            case REQUEST_DECLINED -> da ? "Din anmodning om en mentor blev afvist. Find en anden mentor i oversigten."
                    : "Your mentor request was declined. You can ask another mentor.";
            case REQUEST_WITHDRAWN -> "LEFT_ORGANISATION".equals(refs.detail())
                    ? (da ? "En anmodning om mentorskab er trukket tilbage: en af jer har forladt organisationen."
                            : "A request for mentoring was withdrawn: one of you left the organisation.")
                    : "PROGRAM_ENDED".equals(refs.detail())
                    ? (da ? "En anmodning om mentorskab er trukket tilbage: programmet er afsluttet."
                            : "A request for mentoring was withdrawn: its program has closed.")
                    : (da ? "En mentee har trukket sin anmodning til dig tilbage." : "A mentee withdrew their request to you.");
            case REQUEST_EXPIRED -> da ? "En anmodning om en mentor udløb uden svar." : "A mentor request expired without an answer.";
            case PARTNERSHIP_STARTED -> da ? "Jeres mentorforløb er begyndt." : "Your mentoring partnership has started.";
            case PARTNERSHIP_PAUSED -> da ? "Jeres mentorforløb er sat på pause." : "Your mentoring partnership is paused.";
            case PARTNERSHIP_RESUMED -> da ? "Jeres mentorforløb er genoptaget." : "Your mentoring partnership has resumed.";
            case PARTNERSHIP_COMPLETED -> da ? "Jeres mentorforløb er gennemført. Godt gået!" : "Your mentoring partnership is completed. Well done!";
            case PARTNERSHIP_ENDED -> da ? "Jeres mentorforløb er afsluttet." : "Your mentoring partnership has ended.";
            case AGREEMENT_TO_SIGN -> da ? "Din partner har underskrevet version " + refs.detail() + " af jeres aftale. Den venter på din underskrift."
                    : "Your partner signed version " + refs.detail() + " of your agreement. It waits for your signature.";
            case AGREEMENT_IN_FORCE -> da ? "Jeres aftale (version " + refs.detail() + ") er underskrevet af jer begge og gælder nu."
                    : "Your agreement (version " + refs.detail() + ") is signed by both of you and in force.";
            case AGREEMENT_REVIEW_DUE -> da ? "Det er tid til at gennemgå jeres aftale." : "It is time to review your agreement.";
            case SESSION_SCHEDULED -> da ? "Et møde er planlagt " + moment(refs.startsAt(), lang, zone) + "."
                    : "A session is scheduled for " + moment(refs.startsAt(), lang, zone) + ".";
            case SESSION_MOVED -> refs.previousStartsAt() == null
                    ? (da ? "Jeres møde er flyttet til " + moment(refs.startsAt(), lang, zone) + "."
                            : "Your session is moved to " + moment(refs.startsAt(), lang, zone) + ".")
                    : (da ? "Jeres møde " + moment(refs.previousStartsAt(), lang, zone) + " er flyttet til " + moment(refs.startsAt(), lang, zone) + "."
                            : "Your session on " + moment(refs.previousStartsAt(), lang, zone) + " is moved to " + moment(refs.startsAt(), lang, zone) + ".");
            case SESSION_CANCELLED -> da ? "Jeres møde " + moment(refs.startsAt(), lang, zone) + " er aflyst."
                    : "Your session on " + moment(refs.startsAt(), lang, zone) + " is cancelled.";
            case SESSION_REMINDER -> "PT1H".equals(refs.detail())
                    ? (da ? "Jeres møde begynder om en time, kl. " + time(refs.startsAt(), lang, zone) + "."
                            : "Your session starts in an hour, at " + time(refs.startsAt(), lang, zone) + ".")
                    : (da ? "Påmindelse: jeres møde er " + moment(refs.startsAt(), lang, zone) + "."
                            : "Reminder: your session is on " + moment(refs.startsAt(), lang, zone) + ".");
            case EVALUATION_DUE -> da ? "En evaluering af jeres forløb er åben for dine svar." : "An evaluation of your partnership is open for your answers.";
            case EVALUATION_OVERDUE -> da ? "En evaluering af jeres forløb mangler stadig svar." : "An evaluation of your partnership is still waiting for answers.";
            case ACTION_ITEM_OVERDUE -> refs.detail() == null
                    ? (da ? "En af dine opgaver er overskredet." : "An action item of yours is overdue.")
                    : (da ? "En af dine opgaver skulle være løst " + day(refs.detail(), lang) + "."
                            : "An action item of yours was due on " + day(refs.detail(), lang) + ".");
            case GOAL_ACHIEVED -> da ? "Et mål i jeres forløb er nået. Tillykke!" : "A goal of your partnership is achieved. Congratulations!";
            case CONCERN_CLOSED -> (da ? "Programadministratorerne har lukket den bekymring, du rejste: " : "The program admins closed the concern you raised: ")
                    + switch (refs.detail() == null ? "" : refs.detail()) {
                        case "TALKED_TO_BOTH" -> da ? "de har talt med jer begge." : "they talked to you both.";
                        case "PARTNERSHIP_ENDED" -> da ? "forløbet er afsluttet." : "the partnership has ended.";
                        case "REMATCHED" -> da ? "der er lavet et nyt match." : "a new match was made.";
                        default -> da ? "den er løst." : "it is resolved.";
                    };
            case CONCERN_RAISED -> (da ? "Der er rejst en bekymring i et forløb i dit program" : "A concern was raised in a partnership of your program")
                    + switch (refs.detail() == null ? "" : refs.detail()) {
                        case "PERSONALITY_CLASH" -> da ? " (personkemi)." : " (personality clash).";
                        case "BREACH_OF_CONFIDENTIALITY" -> da ? " (brud på fortroligheden)." : " (breach of confidentiality).";
                        case "LACK_OF_COMMITMENT" -> da ? " (manglende engagement)." : " (lack of commitment).";
                        default -> ".";
                    };
            case FEEDBACK_ASKED -> {
                boolean mentor = "MENTOR".equals(refs.detail());
                if (refs.sessionId() != null) {
                    yield da ? (mentor ? "Din mentor" : "Din mentee") + " beder om din feedback på jeres møde."
                            : "Your " + (mentor ? "mentor" : "mentee") + " asks for your feedback on your session.";
                }
                yield da ? (mentor ? "Din mentor" : "Din mentee") + " beder om din feedback på jeres forløb indtil nu."
                        : "Your " + (mentor ? "mentor" : "mentee") + " asks for your feedback on your partnership so far.";
            }
        };
    }

    private static String moment(OffsetDateTime at, String language, ZoneId zone) {
        return at == null ? "?" : MOMENT.get(language).format(at.atZoneSameInstant(zone));
    }

    private static String time(OffsetDateTime at, String language, ZoneId zone) {
        return at == null ? "?" : TIME.get(language).format(at.atZoneSameInstant(zone));
    }

    private static String day(String isoDate, String language) {
        try {
            return DAY.get(language).format(LocalDate.parse(isoDate));
        } catch (DateTimeException e) {
            return isoDate;
        }
    }
}
