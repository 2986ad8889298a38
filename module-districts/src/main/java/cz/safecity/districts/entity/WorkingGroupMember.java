package cz.safecity.districts.entity;

import java.time.LocalDate;

/**
 * A working-group member as the public sees them (district card, working-group answers, history, vCard): only the
 * public fields of a {@link WorkingGroupAssignment} — never the username or Keycloak id.
 *
 * @param role        {@code police-officer}, {@code constable} or {@code councillor}
 * @param institution e.g. {@code Policie ČR}, {@code Městská policie Plzeň}, {@code Zastupitelstvo města Plzeň}
 * @param displayName e.g. {@code Jan Novák}
 * @param title       rank or title, or null
 * @param photoUrl    absolute http(s) URL, or null
 * @param phone       as dialled, or null
 * @param email       or null
 * @param officeHours free text, or null
 * @param demo        an invented person of the demo data
 * @param from        first day responsible (city zone)
 * @param to          last day responsible (inclusive), or null = until further notice
 * @param vcard       path of the member's vCard ({@code /api/cities/{city}/districts/{code}/working-group/{role}.vcf});
 *                    null in history entries, whose vCard would show today's member instead
 */
public record WorkingGroupMember(String role, String institution, String displayName, String title, String photoUrl,
                                 String phone, String email, String officeHours, boolean demo, LocalDate from,
                                 LocalDate to, String vcard) {

    /**
     * @param cityName  the city's display name (for the institution)
     * @param vcardPath path of the vCard, or null
     */
    public static WorkingGroupMember of(WorkingGroupAssignment a, String cityName, String vcardPath) {
        return new WorkingGroupMember(a.role().key(), a.role().institution(cityName), a.displayName(), a.title(),
                a.photoUrl(), a.phone(), a.email(), a.officeHours(), a.demo(), a.validFrom(), a.validTo(), vcardPath);
    }
}
