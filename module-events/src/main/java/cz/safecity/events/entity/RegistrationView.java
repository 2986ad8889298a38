package cz.safecity.events.entity;

/**
 * The answer to a registration.
 *
 * @param id               registration id
 * @param status           {@code confirmed}, {@code waitlisted} or {@code cancelled}
 * @param waitlistPosition 1-based place on the waitlist, or null
 * @param cancelToken      the secret of the cancel/erase link; only in the answer that created the registration
 *                         (a retry answers without it: the link was sent by e-mail)
 * @param cancelUrl        where to POST {@code {"token": …}} to cancel and erase the registration
 * @param created          true for a new registration, false for a retry of an existing one
 */
public record RegistrationView(long id, String status, Integer waitlistPosition, String cancelToken, String cancelUrl,
                               boolean created) {
}
