package org.gatehouse.notify.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SMTP settings from MicroProfile Config (environment {@code GATEHOUSE_MAIL_HOST}, {@code _PORT},
 * {@code _FROM}, {@code _USERNAME}, {@code _PASSWORD}, {@code _STARTTLS}). Without a host no e-mail
 * is sent. The password never appears in a log or a message: {@link #toString()} leaves it out.
 */
@ApplicationScoped
public class MailSettings {
    @Inject
    @ConfigProperty(name = "gatehouse.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "gatehouse.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "gatehouse.mail.from", defaultValue = "gatehouse@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "gatehouse.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "gatehouse.mail.password")
    Optional<String> password;

    /** {@code required} (STARTTLS or nothing), {@code optional}, or {@code none}. */
    @Inject
    @ConfigProperty(name = "gatehouse.mail.starttls", defaultValue = "optional")
    String starttls;

    @Inject
    @ConfigProperty(name = "gatehouse.mail.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    public boolean enabled() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    public String from() {
        return from;
    }

    Optional<String> username() {
        return username.filter(u -> !u.isBlank());
    }

    Optional<String> password() {
        return password;
    }

    /** The Jakarta Mail session properties (no credentials in them). */
    Properties properties() {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host.orElse("localhost"));
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.auth", Boolean.toString(username().isPresent()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(!starttls.equalsIgnoreCase("none")));
        p.put("mail.smtp.starttls.required", Boolean.toString(starttls.equalsIgnoreCase("required")));
        String millis = Integer.toString(Math.max(1, timeoutSeconds) * 1000);
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        return p;
    }

    @Override
    public String toString() {
        return "smtp://" + host.orElse("(none)") + ":" + port + " from " + from + username().map(u -> " as " + u).orElse("");
    }
}
