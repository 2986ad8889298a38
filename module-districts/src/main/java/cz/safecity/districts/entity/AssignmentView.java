package cz.safecity.districts.entity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A working-group assignment with its private fields, for the city-admin
 * ({@code GET …/working-group/assignments}, and the answer to an assignment or an ending).
 *
 * @param id          assignment id
 * @param district    district code
 * @param role        role key
 * @param from        first day (city zone)
 * @param to          last day (inclusive) or null; {@code to == from - 1} marks an assignment superseded on its
 *                    first day
 * @param username    Keycloak login name
 * @param personId    Keycloak user id, or null
 * @param displayName public name
 * @param title       rank or title, or null
 * @param photoUrl    URL or null
 * @param phone       or null
 * @param email       or null
 * @param officeHours or null
 * @param demo        demo person
 * @param createdAt   when assigned (UTC)
 * @param createdBy   person id of the city-admin who assigned
 * @param endedAt     when ended (UTC), or null
 * @param endedBy     person id of whoever ended it (directly or by a successor's assignment), or null
 */
public record AssignmentView(long id, String district, String role, LocalDate from, LocalDate to, String username,
                             String personId, String displayName, String title, String photoUrl, String phone,
                             String email, String officeHours, boolean demo, Instant createdAt, String createdBy,
                             Instant endedAt, String endedBy) {

    public static AssignmentView of(WorkingGroupAssignment a) {
        return new AssignmentView(a.id(), a.districtCode(), a.role().key(), a.validFrom(), a.validTo(), a.username(),
                a.personId(), a.displayName(), a.title(), a.photoUrl(), a.phone(), a.email(), a.officeHours(),
                a.demo(), a.createdAt(), a.createdBy(), a.endedAt(), a.endedBy());
    }
}
