package cz.safecity.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Maps {@link Instant} to a {@code timestamp} (without time zone) column holding UTC, independent of the JVM's
 * zone. EclipseLink 4.0 (JPA 3.1, Payara 6) has no native {@code Instant} mapping and would otherwise bind the
 * value as serialized bytes ({@code bytea}), which PostgreSQL rejects. Applied automatically in every
 * persistence unit that lists this class.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant value) {
        return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
