package org.gatehouse.web.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;
import org.gatehouse.web.finding.UploadSettings;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.web.problem.Problems;

/**
 * Caps every API request body (default 1 MiB; file uploads get their own limits where they are
 * accepted): a declared {@code Content-Length} above the cap is refused before reading, and a
 * chunked body is cut off when it passes the cap. A body that stops arriving (the client closed or reset the
 * connection, or stalled past the read timeout) is a 400 {@code body.interrupted}, not an internal error.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {
    public static final long MAX_JSON_BYTES = 1024 * 1024;

    @Inject
    UploadSettings uploads;

    @Inject
    org.gatehouse.scans.ScanSettings scanSettings;

    @Override
    public void filter(ContainerRequestContext request) {
        long max = isReportUpload(request) ? Math.max(uploads.maxRequestBytes(), scanSettings.maxArtifactBytes() + 1024 * 1024)
                : MAX_JSON_BYTES;
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > max) {
                    abort(request);
                    return;
                }
            } catch (NumberFormatException e) {
                request.abortWith(Problems.response(ProblemType.BAD_REQUEST, locale(request),
                        Problems.genericDetail(ProblemType.BAD_REQUEST, locale(request)), path(request)));
                return;
            }
        }
        if (request.hasEntity()) {
            request.setEntityStream(capped(request.getEntityStream(), max));
        }
    }

    /**
     * {@code POST /api/v1/releases/{id}/imports}, {@code …/scans} and {@code …/secrets-checks}, and document uploads
     * ({@code /projects/{key}/uploaded-documents}, {@code /uploaded-documents/{id}/versions}): uploads have their own,
     * larger caps (the intake and the document form then apply the exact limit of each).
     */
    public static boolean isReportUpload(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        List<PathSegment> segments = request.getUriInfo().getPathSegments();
        String first = segments.get(0).getPath();
        String last = segments.get(segments.size() - 1).getPath();
        return segments.size() == 3 && (first.equals("releases") && List.of("imports", "scans", "secrets-checks").contains(last)
                || first.equals("projects") && List.of("imports", "uploaded-documents").contains(last)
                || first.equals("uploaded-documents") && last.equals("versions"));
    }

    private static void abort(ContainerRequestContext request) {
        Locale locale = locale(request);
        // Close the connection: the client may still be sending a body nobody will read.
        request.abortWith(jakarta.ws.rs.core.Response.fromResponse(Problems.response(ProblemType.PAYLOAD_TOO_LARGE,
                locale, Problems.genericDetail(ProblemType.PAYLOAD_TOO_LARGE, locale), path(request)))
                .header("Connection", "close").build());
    }

    private static Locale locale(ContainerRequestContext request) {
        try {
            return Problems.locale(request.getAcceptableLanguages());
        } catch (RuntimeException e) {
            return Locale.ENGLISH;
        }
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }

    /** The body passed the cap while being read. */
    public static final class BodyTooLarge extends DomainException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge(long limit) {
            super(ProblemType.PAYLOAD_TOO_LARGE, "body.too-large", limit);
        }
    }

    /**
     * The body stopped arriving: the client closed, reset or stalled the connection past the server's read timeout.
     * The client's fault, not the server's: a 400 with its own key, not an internal error with an incident.
     */
    public static final class BodyInterrupted extends DomainException {
        private static final long serialVersionUID = 1L;

        BodyInterrupted(IOException cause) {
            super(ProblemType.MALFORMED_REQUEST, "body.interrupted");
            initCause(cause);
        }
    }

    /** {@code body} read up to {@code limit} bytes ({@link BodyTooLarge} beyond), a failed read {@link BodyInterrupted}. */
    static InputStream capped(InputStream body, long limit) {
        return new Capped(body, limit);
    }

    /** Counts what is read against the cap; a read that fails is the body cut short ({@link BodyInterrupted}). */
    private static final class Capped extends FilterInputStream {
        private final long limit;
        private long count;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw new BodyInterrupted(e);
            }
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new BodyInterrupted(e);
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw new BodyTooLarge(limit);
            }
        }
    }
}
