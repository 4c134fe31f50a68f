package org.gatehouse.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.account.Accounts;
import org.gatehouse.identity.secondfactor.SecondFactors;
import org.gatehouse.identity.session.LoginFailed;
import org.gatehouse.identity.session.Sessions;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.AccessControlFilter;
import org.gatehouse.web.security.ClientAddress;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Public;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;

/**
 * The browser session: log in, see who is logged in, change one's password, log out. The session
 * token travels only in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS); changes need the
 * CSRF token from the login response in {@code X-CSRF-Token}.
 */
@Path("/session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session")
public class SessionResource {
    @Inject
    Sessions sessions;

    @Inject
    Accounts accounts;

    @Inject
    SecondFactors secondFactors;

    @Inject
    org.gatehouse.workflow.signing.DecisionSignatures signatures;

    @Inject
    RequestBodies bodies;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest servletRequest;

    @Context
    ContainerRequestContext request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Public("logging in")
    @Operation(summary = "Log in with login name and password; starts a new session (cookie)")
    public Response login(LoginRequest body) {
        LoginRequest valid = bodies.valid(body);
        Sessions.LoginResult result;
        try {
            result = sessions.login(valid.login, valid.password, SecondFactors.code(valid.otp), clientAddress.of(servletRequest),
                    request.getHeaderString(HttpHeaders.USER_AGENT));
        } catch (LoginFailed failed) {
            pause(failed);
            throw failed;
        }
        return Response.ok(SessionView.of(result.actor(), result.csrfToken(), SessionView.previous(result.previous())))
                .cookie(cookie(result.sessionToken(), -1))
                .build();
    }

    @GET
    @Requires(Permission.SELF)
    @Operation(summary = "Who is logged in, and the CSRF token for changes")
    public SessionView current() {
        Sessions.Active session = CurrentActor.session(request).orElseThrow();
        return SessionView.of(session.actor(), session.csrfToken(), null);
    }

    @DELETE
    @Requires(Permission.SELF)
    @Operation(summary = "Log out: the session ends on the server")
    public Response logout() {
        Sessions.Active session = CurrentActor.session(request).orElseThrow();
        sessions.logout(session.actor(), session.tokenHash());
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.SELF)
    @Operation(summary = "Change one's own password; other sessions of the account end")
    public Response changePassword(PasswordChangeRequest body) {
        PasswordChangeRequest valid = bodies.valid(body);
        Sessions.Active session = CurrentActor.session(request).orElseThrow();
        accounts.changeOwnPassword(session.actor(), valid.currentPassword, valid.newPassword, session.tokenHash());
        return Response.noContent().build();
    }

    @POST
    @Path("totp")
    @Requires(Permission.SELF)
    @Operation(summary = "Start TOTP enrolment: a new secret as text, otpauth URI and QR code")
    public TotpEnrolmentView beginTotp() {
        SecondFactors.Enrolment enrolment = secondFactors.begin(CurrentActor.of(request));
        return new TotpEnrolmentView(enrolment.secret(), enrolment.otpauthUri(), QrCodes.pngDataUrl(enrolment.otpauthUri()));
    }

    @PUT
    @Path("totp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.SELF)
    @Operation(summary = "Confirm TOTP enrolment with a first code; returns the recovery codes once")
    public RecoveryCodesView confirmTotp(TotpConfirmation body) {
        return new RecoveryCodesView(secondFactors.confirm(CurrentActor.of(request), bodies.valid(body).code));
    }

    /** The caller's signing certificate (7.4.2): issued by the platform CA when a signing role was granted. */
    public record SigningCertificateView(String certificatePem, String sha256, String subject, String issuer,
            java.time.Instant notAfter) {
    }

    @GET
    @Path("signing-certificate")
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.SELF)
    @Operation(summary = "Your signing certificate (per-user key created at enrolment); 404 before any signing role")
    public SigningCertificateView signingCertificate() {
        java.security.cert.X509Certificate certificate = signatures.certificateOf(CurrentActor.of(request).name())
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        return new SigningCertificateView(org.gatehouse.evidence.Certificates.pem(certificate),
                org.gatehouse.evidence.Certificates.fingerprint(certificate).hex(),
                certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                certificate.getNotAfter().toInstant());
    }

    /** A new TOTP secret for the authenticator app. */
    public record TotpEnrolmentView(String secret, String otpauthUri, String qrCode) {
    }

    /** One-time recovery codes, shown once. */
    public record RecoveryCodesView(java.util.List<String> recoveryCodes) {
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(AccessControlFilter.SESSION_COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(clientAddress.isSecure(servletRequest))
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }

    private static void pause(LoginFailed failed) {
        try {
            Thread.sleep(failed.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
