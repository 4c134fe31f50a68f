package org.gatehouse.web.certificate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.certificate.VerificationReport;
import org.gatehouse.web.security.Public;
import org.gatehouse.workflow.release.ReleaseCertificates;

/**
 * Verification of release certificates (7.8.4) against this platform's CA and configured external TSA
 * roots, and the certificates to pin for offline verification ({@code VerifyCertificate --ca-sha256},
 * {@code --tsa-sha256}). Both are public: the CA
 * certificate is public by nature, and verification is pure computation over a body capped at 1 MiB.
 */
@Path("/certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lifecycle")
public class CertificatesResource {
    @Inject
    ReleaseCertificates certificates;

    /**
     * The platform CA: PEM and SHA-256 fingerprint; and the external TSA roots the platform trusts
     * for time-stamps (empty with the own TSA), to pin with {@code --tsa-sha256}.
     */
    public record AuthorityView(String certificatePem, String sha256, String subject, List<RootView> timeStampRoots) {
    }

    /** An external TSA root: PEM, SHA-256 fingerprint, subject. */
    public record RootView(String certificatePem, String sha256, String subject) {
    }

    /** The verdict (VALID, INVALID, MALFORMED) and every check made. */
    public record ReportView(String verdict, List<CheckView> checks) {
    }

    public record CheckView(String name, boolean passed, String detail) {
    }

    @GET
    @Path("authority")
    @Public("the signing CA's certificate is public: auditors pin it to verify certificates offline")
    @Operation(summary = "The platform's signing CA certificate and the external TSA roots it trusts, with their"
            + " SHA-256 fingerprints, to pin")
    public AuthorityView authority() {
        java.security.cert.X509Certificate ca = certificates.authority();
        return new AuthorityView(Certificates.pem(ca), Certificates.fingerprint(ca).hex(),
                ca.getSubjectX500Principal().getName(), certificates.timeStampRoots().stream()
                        .map(r -> new RootView(Certificates.pem(r), Certificates.fingerprint(r).hex(),
                                r.getSubjectX500Principal().getName())).toList());
    }

    @POST
    @Path("verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public("checking a certificate is pure computation over a size-limited body, for anyone holding one")
    @Operation(summary = "Verify a release certificate against this platform's CA and external TSA roots (pinned);"
            + " never changes anything")
    public ReportView verify(byte[] document) {
        VerificationReport report = certificates.verify(document == null ? new byte[0] : document);
        return new ReportView(report.verdict().name(), report.checks().stream()
                .map(c -> new CheckView(c.name(), c.passed(), c.detail())).toList());
    }
}
