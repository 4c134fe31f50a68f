package org.gatehouse.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.token.RequestNonces;
import org.gatehouse.identity.token.ServiceAccounts;
import org.gatehouse.identity.token.SignatureCheck;
import org.gatehouse.identity.token.SignatureCheck.Verdict;
import org.gatehouse.platform.crypto.RequestSignature;
import org.gatehouse.web.system.RequestSizeLimit;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.project.Project;
import org.gatehouse.workflow.project.ProjectRepository;

/**
 * The checks on a request made with an API token (TC260 7.8.3-dm..dq, ADR 0012): the source address
 * against the token's ranges; for a token with a signing key the signature headers, the nonce's
 * first use and the body's SHA-256; and that projects of protection level 3 take signed requests
 * only. Small bodies are read and checked here; uploads are checked as they stream
 * ({@link SignedBody}).
 */
@ApplicationScoped
public class SignedRequests {
    static final String BODY = "gatehouse.signed-body";
    static final String VERDICT = "gatehouse.signature-verdict";

    @Inject
    RequestNonces nonces;

    @Inject
    ProjectRepository projects;

    @Inject
    Clock clock;

    private SignatureCheck check = new SignatureCheck(Duration.ofMinutes(5));

    SignedRequests() {
    }

    @Inject
    SignedRequests(@ConfigProperty(name = "gatehouse.signature.window-seconds", defaultValue = "300") long windowSeconds) {
        this.check = new SignatureCheck(Duration.ofSeconds(windowSeconds));
    }

    /**
     * Checks the request; leaves the verdict and the counting body on the request, and throws
     * {@link SourceRejected} or {@link SignatureRejected} when it must be refused.
     */
    public void check(ContainerRequestContext request, ServiceAccounts.TokenUse token) {
        request.setProperty(VERDICT, Verdict.UNSIGNED);
        if (!token.fromAllowedSource()) {
            throw new SourceRejected(token.actor().address());
        }
        if (token.signingKey().isEmpty()) {
            if (requiresSignatures(token)) {
                reject(request, Verdict.SIGNATURE_REQUIRED);
            }
            wrap(request, Optional.empty());
            return;
        }
        SignatureCheck.Headers headers = new SignatureCheck.Headers(request.getHeaderString(RequestSignature.KEY_ID),
                request.getHeaderString(RequestSignature.TIMESTAMP), request.getHeaderString(RequestSignature.NONCE),
                request.getHeaderString(RequestSignature.CONTENT_SHA256), request.getHeaderString(RequestSignature.SIGNATURE));
        Instant now = clock.instant();
        Verdict verdict = check.check(request.getMethod(), rawPathAndQuery(request), headers,
                token.signingKeyId().orElseThrow(), token.signingKey().get(), now);
        if (verdict != Verdict.VALID) {
            reject(request, verdict);
        }
        Instant stamped = RequestSignature.parseTimestamp(headers.timestamp()).orElseThrow();
        if (!nonces.firstUse(token.signingKeyId().get(), headers.nonce(), check.nonceExpiry(stamped), now)) {
            reject(request, Verdict.REPLAYED_NONCE);
        }
        request.setProperty(VERDICT, Verdict.VALID);
        String expected = headers.contentSha256();
        if (!request.hasEntity()) {
            if (!RequestSignature.sameDigest(RequestSignature.EMPTY_SHA256, expected)) {
                reject(request, Verdict.BODY_MISMATCH);
            }
            wrap(request, Optional.empty());
        } else if (RequestSizeLimit.isReportUpload(request)) {
            // checked at the end of the stream; the upload resources read to the end before acting
            wrap(request, Optional.of(expected));
        } else {
            // at most 1 MiB (RequestSizeLimit): read it now, so no resource sees an unverified body
            SignedBody body = wrap(request, Optional.of(expected));
            try {
                byte[] bytes = body.readAllBytes();
                request.setEntityStream(new ByteArrayInputStream(bytes));
            } catch (SignatureRejected e) {
                request.setProperty(VERDICT, e.verdict());
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The verdict on a request, for the call log: the body's, once it was read, else the headers'. */
    static String verdictOf(ContainerRequestContext request) {
        Object body = request.getProperty(BODY);
        if (body instanceof SignedBody signed && signed.verdict() != Verdict.VALID) {
            return signed.verdict().id();
        }
        Object verdict = request.getProperty(VERDICT);
        return verdict instanceof Verdict v ? v.id() : "none";
    }

    static long bytesIn(ContainerRequestContext request) {
        return request.getProperty(BODY) instanceof SignedBody body ? body.count() : 0;
    }

    private boolean requiresSignatures(ServiceAccounts.TokenUse token) {
        return projects.find(token.project()).map(Project::protectionLevel)
                .filter(level -> level == ProtectionLevel.LEVEL_3).isPresent();
    }

    private static SignedBody wrap(ContainerRequestContext request, Optional<String> expectedSha256) {
        SignedBody body = new SignedBody(request.getEntityStream(), expectedSha256);
        request.setEntityStream(body);
        request.setProperty(BODY, body);
        return body;
    }

    private static void reject(ContainerRequestContext request, Verdict verdict) {
        request.setProperty(VERDICT, verdict);
        throw new SignatureRejected(verdict);
    }

    /** The path and query exactly as sent (still percent-encoded). */
    static String rawPathAndQuery(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
