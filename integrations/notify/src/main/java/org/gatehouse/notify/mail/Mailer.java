package org.gatehouse.notify.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;

/**
 * Sends one e-mail through SMTP with Jakarta Mail (Payara Micro provides the API and Eclipse Angus
 * Mail). The error of a failed send is reported without the password (Jakarta Mail never echoes it).
 */
@ApplicationScoped
public class Mailer {
    @Inject
    MailSettings settings;

    /** Sends; returns the error when it failed. */
    public Optional<String> send(String to, MailTemplates.Mail mail, String deliveryId) {
        try {
            Session session = Session.getInstance(settings.properties());
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Gatehouse-Delivery", deliveryId);
            if (settings.username().isPresent()) {
                Transport.send(message, settings.username().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
            return Optional.empty();
        } catch (MessagingException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
        }
    }
}
