package org.gatehouse.web.environment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The bodies of the environment, device and production-key endpoints (C.2, 8.5.2). */
public final class EnvironmentRequests {
    private EnvironmentRequests() {
    }

    /** {@code POST} and {@code PUT /projects/{key}/environments[/{id}]}. */
    public static class EnvironmentRequest {
        @NotBlank(message = "{validation.required}")
        @Size(max = 100, message = "{validation.size}")
        public String name;

        /** DEVELOPMENT, TEST, STAGING or PRODUCTION. */
        @NotBlank(message = "{validation.required}")
        @Size(max = 20, message = "{validation.size}")
        public String kind;

        @NotBlank(message = "{validation.required}")
        @Size(max = 100, message = "{validation.size}")
        public String networkZone;

        /** Who may access it (people, roles, how). */
        @NotBlank(message = "{validation.required}")
        @Size(max = 2000, message = "{validation.size}")
        public String access;
    }

    /** {@code POST} and {@code PUT /projects/{key}/devices[/{id}]}. */
    public static class DeviceRequest {
        @NotBlank(message = "{validation.required}")
        @Size(max = 64, message = "{validation.size}")
        public String assetTag;

        @NotBlank(message = "{validation.required}")
        @Size(max = 500, message = "{validation.size}")
        public String description;

        /** WORKSTATION, LAPTOP, MOBILE, SERVER or OTHER (default). */
        @Size(max = 20, message = "{validation.size}")
        public String kind;

        /** The login of the responsible person (C.2): required. */
        @NotBlank(message = "{validation.required}")
        @Size(max = 64, message = "{validation.size}")
        public String responsible;

        public boolean patched;

        public boolean antivirus;

        public boolean diskEncrypted;

        /** When compliance was last checked (ISO-8601 instant); none: never checked. */
        @Size(max = 40, message = "{validation.size}")
        public String lastCheckedAt;
    }

    /** {@code POST /projects/{key}/production-keys}: a PEM public key or certificate, or a secret. */
    public static class ProductionKeyRequest {
        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.size}")
        public String label;

        @Size(max = 65536, message = "{validation.size}")
        public String pem;

        /** Submitted once, hashed under the project's key and forgotten: never stored, logged or answered. */
        @Size(max = 4096, message = "{validation.size}")
        public String secret;
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Invalid("request.enum-invalid", field, java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Optional<Instant> instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new Invalid("request.instant-invalid", field);
        }
    }

    /** A field that is not one of its allowed values or not an instant. */
    static final class Invalid extends DomainException {
        private static final long serialVersionUID = 1L;

        Invalid(String key, Object... arguments) {
            super(ProblemType.VALIDATION_FAILED, key, arguments);
        }
    }
}
