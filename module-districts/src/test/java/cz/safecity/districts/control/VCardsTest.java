package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.districts.entity.WorkingGroupAssignment;
import cz.safecity.districts.entity.WorkingGroupMember;
import cz.safecity.districts.entity.WorkingGroupRole;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.StructuredName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vCard 4.0 rendering of working-group members. */
class VCardsTest {

    static WorkingGroupMember member(WorkingGroupRole role, WorkingGroupAssignment.Person p) {
        return member(role, p, "Plzeň");
    }

    static WorkingGroupMember member(WorkingGroupRole role, WorkingGroupAssignment.Person p, String city) {
        WorkingGroupAssignment a = new WorkingGroupAssignment("P3-07", role, LocalDate.parse("2026-01-01"), p,
                Instant.EPOCH, "admin");
        return WorkingGroupMember.of(a, city, null);
    }

    static final WorkingGroupAssignment.Person NOVAK = new WorkingGroupAssignment.Person("jan.novak",
            "5f0c6a1e-0000-4000-8000-000000000001", "Jan Novák (demo)", "npor.", "https://example.cz/foto/novak.jpg",
            "+420 378 031 111", "jan.novak@example.cz", "Po 14–17 h, služebna Jižní 12; St 8–11 h", true);

    @Test
    void rendersTheRfc6350PropertiesOfAPoliceOfficer() {
        String text = VCards.render(member(WorkingGroupRole.POLICE_OFFICER, NOVAK), "Plzeň");
        assertTrue(text.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n"), text);
        assertTrue(text.endsWith("END:VCARD\r\n"), text);
        String unfolded = text.replace("\r\n ", "");
        assertTrue(unfolded.contains("\r\nFN:Jan Novák (demo)\r\n"), unfolded);
        assertTrue(unfolded.contains("\r\nN:Novák;Jan;;;\r\n"), unfolded);
        assertTrue(unfolded.contains("\r\nTITLE:npor.\r\n"), unfolded);
        assertTrue(unfolded.contains("\r\nORG:Policie ČR;Plzeň\r\n"), unfolded);
        assertTrue(unfolded.contains("TEL;TYPE=work,voice:+420 378 031 111")
                || unfolded.contains("TEL;TYPE=\"work,voice\":+420 378 031 111"), unfolded);
        assertTrue(unfolded.contains("EMAIL;TYPE=work:jan.novak@example.cz"), unfolded);
        assertTrue(unfolded.contains("PHOTO;MEDIATYPE=image/jpeg:https://example.cz/foto/novak.jpg"), unfolded);
        // ; and , in text are escaped (RFC 6350 §3.4)
        assertTrue(unfolded.contains("\r\nNOTE:Po 14–17 h\\, služebna Jižní 12\\; St 8–11 h\r\n"), unfolded);
        assertTrue(unfolded.contains("\r\nKIND:individual\r\n"), unfolded);
        assertFalse(unfolded.contains("PRODID"), "no product id: the same member renders the same bytes");
        assertFalse(unfolded.contains("jan.novak\r") || unfolded.contains("5f0c6a1e"), "private fields never appear");
        for (String line : text.split("\r\n")) {
            assertTrue(line.length() <= 75, "folded: " + line);
        }
    }

    @Test
    void roundTripsThroughAParser() {
        String text = VCards.render(member(WorkingGroupRole.CONSTABLE, NOVAK), "Plzeň");
        VCard parsed = Ezvcard.parse(text).first();
        assertEquals(VCardVersion.V4_0, parsed.getVersion());
        assertEquals("Jan Novák (demo)", parsed.getFormattedName().getValue());
        assertEquals(List.of("Městská policie Plzeň"), parsed.getOrganization().getValues());
        assertEquals("+420 378 031 111", parsed.getTelephoneNumbers().get(0).getText());
        assertEquals("Po 14–17 h, služebna Jižní 12; St 8–11 h", parsed.getNotes().get(0).getValue());
        assertEquals("https://example.cz/foto/novak.jpg", parsed.getPhotos().get(0).getUrl());
    }

    @Test
    void councillorOrganisationAndMinimalCard() {
        WorkingGroupAssignment.Person bare = new WorkingGroupAssignment.Person("eva", null, "Eva Dvořáková", null,
                null, null, null, null, false);
        String text = VCards.render(member(WorkingGroupRole.COUNCILLOR, bare, "Sokolov"), "Sokolov");
        assertTrue(text.contains("\r\nORG:Zastupitelstvo města Sokolov\r\n"), text);
        assertFalse(text.contains("TEL") || text.contains("EMAIL") || text.contains("PHOTO")
                || text.contains("NOTE") || text.contains("TITLE"), text);
    }

    @Test
    void splitsCzechNamesWithDegrees() {
        StructuredName n = VCards.structuredName("Mgr. Ing. Jana Marie Nováková, Ph.D. (demo)");
        assertEquals("Nováková", n.getFamily());
        assertEquals("Jana Marie", n.getGiven());
        assertEquals(List.of("Mgr.", "Ing."), n.getPrefixes());
        assertEquals(List.of("Ph.D."), n.getSuffixes());
        assertEquals("Novák", VCards.structuredName("Novák").getFamily());
    }
}
