package org.gatehouse.findings.finding;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * A nullable {@code uuid} column. EclipseLink's built-in UUID conversion fails on SQL NULL (an NPE
 * in {@code UUIDConverter}); the PostgreSQL driver already reads and writes {@link UUID} itself.
 */
@Converter
public class UuidColumn implements AttributeConverter<UUID, Object> {
    @Override
    public Object convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof UUID uuid ? uuid : UUID.fromString(column.toString());
    }
}
