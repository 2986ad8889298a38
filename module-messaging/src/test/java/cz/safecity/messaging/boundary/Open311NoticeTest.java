package cz.safecity.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.messaging.entity.Level;
import cz.safecity.messaging.entity.Matter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class Open311NoticeTest {

    static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    static Level level(String key, String name, int ack, int answer) {
        Level l = new Level();
        l.key = key;
        l.name = name;
        l.ackDays = ack;
        l.answerDays = answer;
        return l;
    }

    static final List<Level> LADDER = List.of(level("working-group", "Pracovní skupina okrsku", 2, 14),
            level("police-leadership", "Vedení Policie ČR a městské policie", 2, 10));

    static Matter matter(String status, String level) {
        Matter m = new Matter();
        m.status = status;
        m.levelKey = level;
        m.addressee = Matter.TO_DISTRICT;
        m.districtName = "Praha 1 – Staré Město";
        m.ackDueAt = Instant.parse("2026-12-07T23:30:00Z"); // 8 Dec in Prague
        m.answerDueAt = Instant.parse("2026-12-21T10:00:00Z");
        m.closedAt = Instant.parse("2026-12-22T10:00:00Z");
        return m;
    }

    @Test
    void aNewMatterSaysWhoHasItTheDeadlinesAndWhereItClimbs() {
        String en = Open311Notice.of(matter("new", "working-group"), LADDER, "en", PRAGUE);
        assertEquals("The request is with Pracovní skupina okrsku (Praha 1 – Staré Město). It is to be acknowledged by "
                + "2026-12-08 and answered by 2026-12-21 (this level's deadlines: 2 and 14 working days); when a "
                + "deadline passes, it moves up to Vedení Policie ČR a městské policie.", en);
        String cs = Open311Notice.of(matter("new", "working-group"), LADDER, "cs", PRAGUE);
        assertTrue(cs.startsWith("Podnět řeší Pracovní skupina okrsku (Praha 1 – Staré Město). Převzetí potvrdí do "
                + "8. 12. 2026, odpoví do 21. 12. 2026"), cs);
        assertTrue(cs.endsWith("postoupí na úroveň Vedení Policie ČR a městské policie."), cs);
        for (String s : List.of(en, cs)) {
            assertFalse(s.contains("http") || s.contains("/api/"), "no links: " + s);
        }
    }

    @Test
    void theTopLevelAnAnsweredAndAClosedMatter() {
        assertTrue(Open311Notice.of(matter("in-progress", "police-leadership"), LADDER, "en", PRAGUE)
                .contains("answered by 2026-12-21 (this level's deadlines: 2 and 10 working days); this is the top"));
        assertTrue(Open311Notice.of(matter("answered", "working-group"), LADDER, "en", PRAGUE)
                .startsWith("The request was answered by Pracovní skupina okrsku"));
        assertEquals("Podnět byl uzavřen dne 22. 12. 2026 (řešitel: Pracovní skupina okrsku (Praha 1 – Staré Město)).",
                Open311Notice.of(matter("closed", "working-group"), LADDER, "cs", PRAGUE));
    }
}
