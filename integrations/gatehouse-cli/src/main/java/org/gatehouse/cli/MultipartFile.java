package org.gatehouse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.gatehouse.platform.crypto.RequestSignature;

/**
 * A {@code multipart/form-data} body of text fields followed by one file part named {@code file}, streamed from
 * disk, with the SHA-256 of the exact bytes sent (the signed push, ADR 0012, signs the body's digest): the file is
 * read once to digest and once more while it is sent, never held in memory.
 */
final class MultipartFile {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String boundary;
    private final byte[] head;
    private final byte[] tail;
    private final Path file;
    private final String sha256;

    private MultipartFile(String boundary, byte[] head, byte[] tail, Path file, String sha256) {
        this.boundary = boundary;
        this.head = head;
        this.tail = tail;
        this.file = file;
        this.sha256 = sha256;
    }

    /** The fields in their iteration order, then the file (its name stripped of quotes and line breaks). */
    static MultipartFile of(Map<String, String> fields, Path file) throws IOException {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String boundary = "----gatehouse-cli-" + HexFormat.of().formatHex(nonce);
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        String fileName = file.getFileName().toString().replace("\"", "_").replace("\r", "_").replace("\n", "_");
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tailBytes = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        MessageDigest body = RequestSignature.sha256();
        body.update(headBytes);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                body.update(buffer, 0, n);
            }
        }
        body.update(tailBytes);
        return new MultipartFile(boundary, headBytes, tailBytes, file, RequestSignature.hex(body.digest()));
    }

    HttpRequest.BodyPublisher publisher() throws IOException {
        return HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** Lower-case hex SHA-256 of the whole body as sent. */
    String sha256() {
        return sha256;
    }
}
