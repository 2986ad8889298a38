package cz.safecity.events.boundary;

import cz.safecity.events.control.Occurrences;
import cz.safecity.events.entity.Body;
import cz.safecity.events.entity.BodyMember;
import cz.safecity.events.entity.BodyView;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantId;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Maps entities to the API's views (no person ids or e-mail addresses in public answers). */
final class Views {

    private Views() {
    }

    /** Absolute URL under {@code /api/} (e.g. {@code cities/plzen/bodies/3/calendar.ics}). */
    static String url(UriInfo uri, String path) {
        return uri.getBaseUri().resolve(path).toString();
    }

    static BodyView body(Body b, String city, UriInfo uri, List<BodyMember> members) {
        return new BodyView(b.id(), b.kind(), b.name(), b.scope(), b.scopeCode(), b.rrule(),
                b.seriesStart() == null ? null : Occurrences.LOCAL.format(b.seriesStart()), b.durationMinutes(),
                b.location(), url(uri, "cities/" + city + "/bodies/" + b.id() + "/calendar.ics"),
                members == null ? null : members.stream().map(Views::member).toList());
    }

    static BodyView.MemberView member(BodyMember m) {
        return new BodyView.MemberView(m.id(), m.name(), m.role(), m.institution(), m.username(),
                m.validFrom().toString(), m.validTo() == null ? null : m.validTo().toString());
    }

    /** Whether the caller is staff of {@code city} (any city role) or a platform admin. */
    static boolean staff(Caller caller, TenantId city) {
        return !caller.cityRoles(city).isEmpty() || caller.hasPlatformRole(Roles.PLATFORM_ADMIN);
    }
}
