package org.gatehouse.web.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.gatehouse.workflow.ticket.Ticket;
import org.gatehouse.workflow.ticket.TicketKind;
import org.gatehouse.workflow.ticket.Tickets;

/**
 * A ticket as written: the tracker's key (on creation only; the path names it afterwards), title, kind
 * ({@code feature}, {@code story}, {@code bug}; a story when absent) and an optional http(s) link into the tracker.
 */
public class TicketRequest {
    @Size(max = 40, message = "{validation.size}")
    public String key;

    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size}")
    public String title;

    @Size(max = 16, message = "{validation.size}")
    public String kind;

    @Size(max = 2000, message = "{validation.size}")
    public String trackerUrl;

    Tickets.Draft draft() {
        return new Tickets.Draft(title, kind == null || kind.isBlank() ? TicketKind.STORY : TicketKind.parse(kind),
                Ticket.trackerUrl(trackerUrl));
    }

    String keyOrBlank() {
        return Optional.ofNullable(key).map(String::strip).orElse("");
    }
}
