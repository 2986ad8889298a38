package cz.safecity.districts.control;

import cz.safecity.districts.entity.WorkingGroupMember;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Kind;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Renders a working-group member as a vCard 4.0 (RFC 6350) with ez-vcard — the digital business card
 * (<i>vizitka</i>). Only public fields exist in {@link WorkingGroupMember}, so nothing private can leak:
 * FN, N (split from the display name), KIND individual, TITLE (rank or title), ORG (institution; the state police
 * also names the city as unit), TEL (work, voice), EMAIL (work), PHOTO (URI), NOTE (office hours). No PRODID, so
 * the same member always renders the same bytes. Lines end with CRLF and are folded by the writer.
 */
public final class VCards {

    /** Media type of the answer. */
    public static final String MEDIA_TYPE = "text/vcard";

    private VCards() {
    }

    /**
     * @param member   the member (public fields)
     * @param cityName the city's display name, e.g. {@code Plzeň}
     * @return the vCard text
     */
    public static String render(WorkingGroupMember member, String cityName) {
        VCard card = new VCard(VCardVersion.V4_0);
        card.setKind(Kind.individual());
        card.setFormattedName(member.displayName());
        card.setStructuredName(structuredName(member.displayName()));
        if (member.title() != null) {
            card.addTitle(member.title());
        }
        if ("police-officer".equals(member.role())) {
            card.setOrganization(member.institution(), cityName);
        } else {
            card.setOrganization(member.institution());
        }
        if (member.phone() != null) {
            card.addTelephoneNumber(member.phone(), TelephoneType.WORK, TelephoneType.VOICE);
        }
        if (member.email() != null) {
            card.addEmail(member.email(), EmailType.WORK);
        }
        if (member.photoUrl() != null) {
            card.addPhoto(new Photo(member.photoUrl(), imageType(member.photoUrl())));
        }
        if (member.officeHours() != null) {
            card.addNote(member.officeHours());
        }
        StringWriter out = new StringWriter();
        try (VCardWriter writer = new VCardWriter(out, VCardVersion.V4_0)) {
            writer.setAddProdId(false);
            writer.write(card);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Splits a display name into N components: text in parentheses (e.g. {@code (demo)}) is dropped, a part after a
     * comma is a suffix ({@code Ph.D.}), leading words ending with a dot are prefixes ({@code Mgr.}), the last word is
     * the family name and the words before it the given names.
     */
    static StructuredName structuredName(String displayName) {
        String plain = displayName.replaceAll("\\([^)]*\\)", " ").trim();
        List<String> suffixes = new ArrayList<>();
        int comma = plain.indexOf(',');
        if (comma >= 0) {
            Arrays.stream(plain.substring(comma + 1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(suffixes::add);
            plain = plain.substring(0, comma).trim();
        }
        List<String> words = new ArrayList<>(Arrays.asList(plain.split("\\s+")));
        words.removeIf(String::isEmpty);
        StructuredName n = new StructuredName();
        while (words.size() > 1 && words.get(0).endsWith(".")) {
            n.getPrefixes().add(words.remove(0));
        }
        if (!words.isEmpty()) {
            n.setFamily(words.remove(words.size() - 1));
        }
        if (!words.isEmpty()) {
            n.setGiven(String.join(" ", words));
        }
        n.getSuffixes().addAll(suffixes);
        return n;
    }

    /** The image type from the URL's file extension, or null when it does not say. */
    static ImageType imageType(String url) {
        String path = url.replaceAll("[?#].*$", "");
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return null;
        }
        return ImageType.find(null, null, path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
