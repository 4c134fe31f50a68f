package org.gatehouse.web.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.documents.store.InvalidDocumentRequest;
import org.gatehouse.documents.upload.UploadedDocuments;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.web.security.SignedBody;
import org.gatehouse.web.support.MultipartForm;

/**
 * A document upload as {@code multipart/form-data}: text fields (at most 2,000 characters each) and one {@code file}
 * of at most {@code maxBytes}, read into memory only up to that limit (7.8.6: uploads are bounded).
 */
record UploadForm(Map<String, String> fields, String fileName, byte[] content) {
    private static final Set<String> FIELDS = Set.of("title", "category", "classification", "distribution", "changeNote",
            "securityImpact");

    static UploadForm read(InputStream body, String contentType, long maxBytes) throws IOException {
        MultipartForm form = new MultipartForm(body, contentType);
        Map<String, String> fields = new HashMap<>();
        Optional<String> fileName = Optional.empty();
        byte[] content = new byte[0];
        for (Optional<MultipartForm.Part> next = form.next(); next.isPresent(); next = form.next()) {
            MultipartForm.Part part = next.get();
            if (part.name().equals("file") && part.fileName().isPresent()) {
                fileName = part.fileName();
                content = part.content().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (content.length > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
            } else if (FIELDS.contains(part.name())) {
                fields.put(part.name(), MultipartForm.text(part, 2000));
            }
        }
        // to the end of the body: a signed request's digest is checked there (ADR 0012), before anything is stored
        SignedBody.drain(body);
        if (fileName.isEmpty()) {
            throw new InvalidDocumentRequest("document.file-required");
        }
        return new UploadForm(Map.copyOf(fields), fileName.get(), content);
    }

    UploadedDocuments.Upload upload() {
        return new UploadedDocuments.Upload(fileName, content, fields.get("changeNote"), fields.get("securityImpact"));
    }

    UploadedDocuments.Draft draft() {
        Optional<Set<String>> scope = Optional.ofNullable(fields.get("distribution")).filter(s -> !s.isBlank())
                .map(s -> {
                    Set<String> roles = new LinkedHashSet<>();
                    for (String role : s.split(",")) {
                        roles.add(role.strip());
                    }
                    return roles;
                });
        return new UploadedDocuments.Draft(fields.get("title"), fields.get("category"), fields.get("classification"), scope);
    }

    /** A file over the upload limit. */
    static final class TooLarge extends DomainException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super(ProblemType.PAYLOAD_TOO_LARGE, "upload.too-large", max);
        }
    }
}
