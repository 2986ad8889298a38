package cz.safecity.platform.contract;

/**
 * A named official (no anonymity on the official side), e.g. a working-group member.
 *
 * @param role     {@code police-officer}, {@code constable} or {@code councillor} (see {@code Roles})
 * @param name     full display name
 * @param username Keycloak username, or null when the person has no account yet
 * @param personId stable person id (Keycloak subject or the districts module's own id)
 * @param email    contact e-mail for notifications, or null
 */
public record Person(String role, String name, String username, String personId, String email) {
}
