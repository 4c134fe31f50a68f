package org.gatehouse.web.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.gatehouse.launcher.FreePort;

/**
 * A real SMTP server (GreenMail) for the test JVM, on a free loopback port chosen once; the shared
 * server sends its e-mail there (issue 7: tested against SMTP, not a mock).
 */
final class Mailbox {
    static final int PORT = FreePort.find();
    private static GreenMail server;

    private Mailbox() {
    }

    static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
    }

    /** The messages received so far for {@code address}, waiting up to {@code timeout} for at least one. */
    static List<MimeMessage> awaitFor(String address, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MimeMessage> mine = Arrays.stream(server.getReceivedMessages()).filter(m -> to(m, address)).toList();
            if (!mine.isEmpty() || System.nanoTime() > end) {
                return mine;
            }
            Thread.sleep(100);
        }
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
