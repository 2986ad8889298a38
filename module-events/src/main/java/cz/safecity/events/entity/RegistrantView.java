package cz.safecity.events.entity;

/** A registrant as the city's staff see them (name and e-mail null once erased). */
public record RegistrantView(long id, String name, String email, String status, boolean volunteer,
                             String volunteerRole, boolean contactConsent, String registeredAt, String promotedAt,
                             boolean erased) {
}
