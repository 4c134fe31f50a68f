package org.gatehouse.web.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Move a ticket to the state named (one step forward or back, or reopened from VERIFIED); {@code If-Match} names the ticket version seen. */
public class TicketTransitionRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 40, message = "{validation.size}")
    public String to;
}
