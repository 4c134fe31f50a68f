package org.gatehouse.web.scan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /releases/{id}/scans/black-box}: the running product's URL, optional
 * include/exclude regexes (default: everything under the URL), an authentication header (its value
 * is stored sealed and never shown again) or a form login (its credentials likewise), AJAX spider, scan policy,
 * timeout, and the origin.
 */
public class BlackBoxScanRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 2000, message = "{validation.size}")
    @Pattern(regexp = "https?://[^\\s]+", message = "{validation.httpUrl}")
    public String target;

    @Size(max = 50, message = "{validation.size}")
    public List<String> includes;

    @Size(max = 50, message = "{validation.size}")
    public List<String> excludes;

    @Size(max = 100, message = "{validation.size}")
    @Pattern(regexp = "[A-Za-z0-9-]+", message = "{validation.headerName}")
    public String headerName;

    @Size(max = 4000, message = "{validation.size}")
    public String headerValue;

    /** ZAP's form-based authentication (instead of a header); the credentials are stored sealed. */
    @jakarta.validation.Valid
    public FormLogin formLogin;

    public Boolean ajaxSpider;

    @Size(max = 200, message = "{validation.size}")
    public String policy;

    @Min(value = 1, message = "{validation.timeoutMinutes}")
    @Max(value = 1440, message = "{validation.timeoutMinutes}")
    public Integer timeoutMinutes;

    @Size(max = 100, message = "{validation.size}")
    public String category;

    @Size(max = 64, message = "{validation.size}")
    public String commit;

    @Size(max = 200, message = "{validation.size}")
    public String build;

    /** Login URL and request data with {@code {%username%}} and {@code {%password%}}, the user, and the indicators. */
    public static class FormLogin {
        @NotBlank(message = "{validation.required}")
        @Size(max = 2000, message = "{validation.size}")
        @Pattern(regexp = "https?://[^\\s]+", message = "{validation.httpUrl}")
        public String loginUrl;

        @NotBlank(message = "{validation.required}")
        @Size(max = 2000, message = "{validation.size}")
        public String loginRequestData;

        @NotBlank(message = "{validation.required}")
        @Size(max = 500, message = "{validation.size}")
        public String username;

        @NotBlank(message = "{validation.required}")
        @Size(max = 500, message = "{validation.size}")
        public String password;

        @Size(max = 500, message = "{validation.size}")
        public String loggedInIndicator;

        @Size(max = 500, message = "{validation.size}")
        public String loggedOutIndicator;
    }
}
