package cz.safecity.messaging.control;

import cz.safecity.messaging.MessagingModule;
import cz.safecity.messaging.entity.Level;
import cz.safecity.messaging.entity.Matter;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A citizen's submission end to end, outside any transaction of its own. One that queues no mail is a single
 * autocommitted statement ({@link #alone}); otherwise {@link Matters#submit} stores the matter
 * and counts the per-address rate limit in one transaction (one statement), which commits before the 201 is written
 * (an attempt over the limit rolls back and is not counted). An {@code Idempotency-Key} seen before writes nothing
 * there (unique per city, also when two identical requests race: the loser waits for the winner's commit) and answers
 * the earlier matter and link — only to the same message, else 422.
 */
@ApplicationScoped
public class Submissions {

    /** Setting: anonymous submissions per client address and hour (0 = unlimited). */
    public static final String RATE_LIMIT = "rateLimitPerHour";
    /** Longest accepted {@code Idempotency-Key}. */
    public static final int MAX_KEY = 200;

    @Inject
    Matters matters;
    @Inject
    TrackingLinks links;
    @Inject
    TenantContext tenant;
    @Inject
    ModuleRegistry modules;
    @Inject
    MessagingModule module;
    @Inject
    Ladder ladder;
    @Inject
    MatterInsert inserts;
    @Inject
    PlatformClock clock;

    /** A submission's result; {@code replayed} when the idempotency key was seen before. */
    public record Result(Matter matter, String secret, boolean replayed) {
    }

    /**
     * @param idempotencyKey the client's {@code Idempotency-Key} (1–200 characters) or null
     * @param client         the client's address, for the rate limit
     * @throws ProblemException 429 (extension {@code retryAfter}, seconds) when the address is over the city's limit
     */
    public Result submit(Submission s, String idempotencyKey, String client) {
        String city = tenant.id().slug();
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY) {
                throw ProblemException.invalid("Idempotency-Key", "must be 1–" + MAX_KEY + " characters");
            }
        }
        int limit = intSetting(RATE_LIMIT, 30);
        String secret = idempotencyKey != null ? links.forIdempotencyKey(city, idempotencyKey) : TrackingLinks.random();
        if (idempotencyKey == null) {
            Matter alone = alone(s, secret, client == null ? "unknown" : client, limit);
            if (alone != null) {
                return new Result(alone, secret, false);
            }
        }
        Matter stored;
        try {
            stored = matters.submit(s, secret, idempotencyKey, client == null ? "unknown" : client, limit);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (idempotencyKey != null) {
                Optional<Result> raced = replay(idempotencyKey, s);
                if (raced.isPresent()) {
                    return raced.get();
                }
            }
            throw e;
        }
        if (stored == null) { // the key was seen before (a racing first use committed meanwhile)
            if (idempotencyKey == null) {
                throw new IllegalStateException("messaging: a new random tracking hash exists already");
            }
            return replay(idempotencyKey, s).orElseThrow(() -> new IllegalStateException(
                    "messaging: an Idempotency-Key conflicted but its matter is gone"));
        }
        return new Result(stored, secret, false);
    }

    /**
     * A submission that queues no mail — anonymous (no e-mail), to the police leadership (no routing), whose level has
     * no notification address — stores nothing but the matter and its first entry (and counts the rate limit): ONE
     * autocommitted statement without a JTA transaction ({@link MatterInsert#insertAlone}), committed before the 201.
     * Anything else (mail to queue in the same transaction, an idempotency key) goes through {@link Matters#submit}.
     *
     * @return the stored matter, or null when this submission needs the transactional path
     * @throws ProblemException 422 for an unknown category, 429 over the limit (nothing stored)
     */
    private Matter alone(Submission s, String secret, String client, int limit) {
        if (!s.toLeadership() || s.district() != null || s.lat() != null || s.email() != null) {
            return null;
        }
        Level level = ladder.entry(true);
        if (level.notifyEmail != null && !level.notifyEmail.isBlank()) {
            return null;
        }
        if (ladder.category(s.category()).isEmpty()) {
            throw Matters.unknownCategory(s.category());
        }
        Matter m = Matters.newMatter(s, level, clock.now(tenant.id()), tenant.require().zone(), secret, null);
        MatterInsert.Outcome out = inserts.insertAlone(tenant.id().slug(), m, client, limit, clock.now());
        if (out == null) {
            throw new IllegalStateException("messaging: a new random tracking hash exists already");
        }
        if (out.retryAfter() > 0) {
            throw Matters.rateLimited(limit, out.retryAfter());
        }
        m.id = out.id();
        return m;
    }

    /**
     * The earlier matter of this key, answered only to the same request: the key alone must not hand out another
     * person's tracking link (draft-ietf-httpapi-idempotency-key-header: a key reused with another payload is 422).
     */
    private Optional<Result> replay(String key, Submission s) {
        Optional<Matter> earlier = matters.byIdempotencyKey(key);
        if (earlier.isPresent() && earlier.get().idempotencyFingerprint != null
                && !earlier.get().idempotencyFingerprint.equals(s.fingerprint())) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different message; send a new key with a new message.",
                    "Idempotency-Key");
        }
        return earlier.map(m -> new Result(m, links.forIdempotencyKey(tenant.id().slug(), key), true));
    }

    /** A per-city integer setting of the messaging module. */
    public int intSetting(String key, int dflt) {
        Object v = modules.settings(tenant.id(), module).get(key);
        return v instanceof Number n ? n.intValue() : dflt;
    }
}
