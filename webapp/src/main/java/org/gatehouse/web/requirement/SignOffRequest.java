package org.gatehouse.web.requirement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Agree to a subject's content as read ({@code contentSha256} from GET), in a role one holds. */
public class SignOffRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 40, message = "{validation.size}")
    public String subject;

    @NotBlank(message = "{validation.required}")
    @Size(max = 40, message = "{validation.size}")
    public String role;

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "[0-9a-f]{64}", message = "{validation.sha256}")
    public String contentSha256;

    @Size(max = 4000, message = "{validation.size}")
    public String comment;
}
