package org.gatehouse.evidence.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.StrictBase64;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.evidence.keys.SigningKeyAlgorithm;
import org.gatehouse.evidence.signature.SignedStatement;
import org.gatehouse.evidence.signature.StatementSignature;
import org.gatehouse.evidence.timestamp.TimeStampToken;

/**
 * The JSON form of formats {@code gatehouse-release-certificate/1} and {@code /2}, both ways. Format
 * 2 adds {@code authority.timeStampRoots}, the roots of the external TSAs whose tokens the document
 * carries; a document without external time-stamps is written as format 1, so verifiers already
 * handed out keep reading it. Reading is strict: every member of the format is required and typed,
 * no other member is allowed, texts have one spelling (instants as ISO_INSTANT, digests as lowercase
 * hex, binary as canonical base64, certificates as DER).
 */
final class CertificateJson {
    static final String FORMAT_1 = "gatehouse-release-certificate/1";
    static final String FORMAT_2 = "gatehouse-release-certificate/2";
    static final String SEAL = "seal";

    private CertificateJson() {
    }

    /** Everything in the document, as read. */
    record Parsed(String format, ReleaseFacts release, Instant releasedAt, List<Artifact> artifacts, List<GateResult> gates,
            List<Waiver> waivers, List<EvidenceDocument> documents, List<SignedDecision> decisions,
            X509Certificate ca, List<X509Certificate> timeStampAuthorities, List<X509Certificate> timeStampRoots,
            X509Certificate platform, SigningKeyAlgorithm sealAlgorithm, byte[] seal) {
    }

    static ObjectNode body(ReleaseFacts release, Instant releasedAt, List<Artifact> artifacts, List<GateResult> gates,
            List<Waiver> waivers, List<EvidenceDocument> documents, List<SignedDecision> decisions, X509Certificate ca,
            List<X509Certificate> tsas, List<X509Certificate> tsaRoots, X509Certificate platform,
            SigningKeyAlgorithm sealAlgorithm) {
        ObjectNode root = CanonicalJson.object().put("format", tsaRoots.isEmpty() ? FORMAT_1 : FORMAT_2);
        ObjectNode r = root.putObject("release").put("id", release.id()).put("projectKey", release.projectKey())
                .put("version", release.version()).put("protectionLevel", release.protectionLevel());
        r.putObject("definition").put("id", release.definitionId()).put("version", release.definitionVersion());
        root.put("releasedAt", Fields.instant(releasedAt));
        ArrayNode a = root.putArray("artifacts");
        artifacts.forEach(x -> a.addObject().put("name", x.name()).put("sha256", x.sha256().hex()));
        ArrayNode g = root.putArray("gates");
        gates.forEach(x -> {
            ArrayNode reasons = g.addObject().put("gate", x.gateId()).put("outcome", x.outcome().id()).putArray("reasons");
            x.reasons().forEach(reasons::add);
        });
        ArrayNode w = root.putArray("waivers");
        waivers.forEach(x -> w.addObject().put("gate", x.gateId()).put("grantedBy", x.grantedBy())
                .put("justification", x.justification()).put("expires", Fields.instant(x.expires())));
        ArrayNode d = root.putArray("documents");
        documents.forEach(x -> d.addObject().put("kind", x.kind()).put("version", x.version())
                .put("sha256", x.sha256().hex()).put("classification", x.classification()));
        ArrayNode s = root.putArray("decisions");
        for (SignedDecision decision : decisions) {
            StatementSignature signature = decision.statement().signature();
            ObjectNode entry = s.addObject();
            entry.set("statement", decision.statement().statement());
            entry.putObject("signature").put("algorithm", signature.algorithm().id())
                    .put("value", StrictBase64.encode(signature.value()));
            entry.put("signerCertificate", StrictBase64.encode(signature.signerCertificate()));
            entry.put("timeStamp", StrictBase64.encode(decision.timeStamp().der()));
        }
        ObjectNode authority = root.putObject("authority").put("ca", StrictBase64.encode(Certificates.der(ca)))
                .put("platform", StrictBase64.encode(Certificates.der(platform)));
        ArrayNode t = authority.putArray("timeStampAuthorities");
        tsas.forEach(x -> t.add(StrictBase64.encode(Certificates.der(x))));
        if (!tsaRoots.isEmpty()) {
            ArrayNode roots = authority.putArray("timeStampRoots");
            tsaRoots.forEach(x -> roots.add(StrictBase64.encode(Certificates.der(x))));
        }
        root.put("sealAlgorithm", sealAlgorithm.id());
        return root;
    }

    static Parsed read(JsonNode root) {
        members(root, "certificate", "format", "release", "releasedAt", "artifacts", "gates", "waivers", "documents",
                "decisions", "authority", "sealAlgorithm", SEAL);
        String format = text(root, "format");
        if (!FORMAT_1.equals(format) && !FORMAT_2.equals(format)) {
            throw new MalformedCertificate("not a " + FORMAT_1 + " or " + FORMAT_2 + " document");
        }
        JsonNode r = members(root.get("release"), "release", "id", "projectKey", "version", "protectionLevel", "definition");
        JsonNode def = members(r.get("definition"), "release.definition", "id", "version");
        ReleaseFacts release = build(() -> new ReleaseFacts(text(r, "id"), text(r, "projectKey"), text(r, "version"),
                integer(r, "protectionLevel"), text(def, "id"), integer(def, "version")));
        Instant releasedAt = instant(root, "releasedAt");
        List<Artifact> artifacts = list(root, "artifacts", n -> {
            members(n, "artifact", "name", "sha256");
            return build(() -> new Artifact(text(n, "name"), sha256(n, "sha256")));
        });
        List<GateResult> gates = list(root, "gates", n -> {
            members(n, "gate", "gate", "outcome", "reasons");
            GateResult.Outcome outcome = GateResult.Outcome.fromId(text(n, "outcome"))
                    .orElseThrow(() -> new MalformedCertificate("a gate outcome is neither passed nor waived"));
            List<String> reasons = list(n, "reasons", x -> {
                if (!x.isTextual()) {
                    throw new MalformedCertificate("a gate reason is not a text");
                }
                return x.textValue();
            });
            return build(() -> new GateResult(text(n, "gate"), outcome, reasons));
        });
        List<Waiver> waivers = list(root, "waivers", n -> {
            members(n, "waiver", "gate", "grantedBy", "justification", "expires");
            return build(() -> new Waiver(text(n, "gate"), text(n, "grantedBy"), text(n, "justification"), instant(n, "expires")));
        });
        List<EvidenceDocument> documents = list(root, "documents", n -> {
            members(n, "document", "kind", "version", "sha256", "classification");
            return build(() -> new EvidenceDocument(text(n, "kind"), text(n, "version"), sha256(n, "sha256"),
                    text(n, "classification")));
        });
        List<SignedDecision> decisions = list(root, "decisions", CertificateJson::decision);
        JsonNode authority = FORMAT_1.equals(format)
                ? members(root.get("authority"), "authority", "ca", "platform", "timeStampAuthorities")
                : members(root.get("authority"), "authority", "ca", "platform", "timeStampAuthorities", "timeStampRoots");
        List<X509Certificate> tsas = list(authority, "timeStampAuthorities", n -> certificate(n, "a TSA certificate"));
        List<X509Certificate> tsaRoots = FORMAT_1.equals(format) ? List.of()
                : list(authority, "timeStampRoots", n -> certificate(n, "a TSA root certificate"));
        if (FORMAT_2.equals(format) && tsaRoots.isEmpty()) {
            throw new MalformedCertificate("format 2 lists at least one time-stamp root (format 1 has none)");
        }
        SigningKeyAlgorithm sealAlgorithm = SigningKeyAlgorithm.fromId(text(root, "sealAlgorithm"))
                .orElseThrow(() -> new MalformedCertificate("unknown seal algorithm"));
        return new Parsed(format, release, releasedAt, artifacts, gates, waivers, documents, decisions,
                certificate(authority.get("ca"), "the CA certificate"), tsas, tsaRoots,
                certificate(authority.get("platform"), "the platform certificate"), sealAlgorithm, base64(root, SEAL));
    }

    private static SignedDecision decision(JsonNode n) {
        members(n, "decision", "statement", "signature", "signerCertificate", "timeStamp");
        JsonNode statement = n.get("statement");
        if (!statement.isObject()) {
            throw new MalformedCertificate("a decision's statement is not an object");
        }
        JsonNode signature = members(n.get("signature"), "decision.signature", "algorithm", "value");
        SigningKeyAlgorithm algorithm = SigningKeyAlgorithm.fromId(text(signature, "algorithm"))
                .orElseThrow(() -> new MalformedCertificate("unknown signature algorithm"));
        byte[] payload = CanonicalJson.write(statement);
        byte[] certificate = base64(n, "signerCertificate");
        StatementSignature s = new StatementSignature(algorithm, certificate, base64(signature, "value"), Sha256.of(payload));
        return new SignedDecision(new SignedStatement(payload, s), new TimeStampToken(base64(n, "timeStamp")));
    }

    private static JsonNode members(JsonNode node, String what, String... names) {
        if (node == null || !node.isObject()) {
            throw new MalformedCertificate(what + " is not an object");
        }
        Set<String> expected = Set.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!expected.contains(name)) {
                throw new MalformedCertificate(what + " has an unknown member '" + name + "'");
            }
        }
        if (node.size() != expected.size()) {
            throw new MalformedCertificate(what + " lacks one of " + expected);
        }
        return node;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new MalformedCertificate("'" + name + "' is not a text");
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isInt()) {
            throw new MalformedCertificate("'" + name + "' is not an integer");
        }
        return value.intValue();
    }

    private static Instant instant(JsonNode node, String name) {
        return Fields.instant(text(node, name)).orElseThrow(() -> new MalformedCertificate("'" + name + "' is not an ISO instant"));
    }

    private static Sha256 sha256(JsonNode node, String name) {
        return build(() -> Sha256.fromHex(text(node, name)));
    }

    private static byte[] base64(JsonNode node, String name) {
        return StrictBase64.decode(text(node, name))
                .filter(bytes -> bytes.length > 0)
                .orElseThrow(() -> new MalformedCertificate("'" + name + "' is not canonical base64"));
    }

    private static X509Certificate certificate(JsonNode node, String what) {
        if (node == null || !node.isTextual()) {
            throw new MalformedCertificate(what + " is not a text");
        }
        return StrictBase64.decode(node.textValue()).flatMap(Certificates::parseDer)
                .orElseThrow(() -> new MalformedCertificate(what + " is not a DER certificate in base64"));
    }

    private static <T> List<T> list(JsonNode node, String name, Function<JsonNode, T> element) {
        JsonNode array = node.get(name);
        if (array == null || !array.isArray()) {
            throw new MalformedCertificate("'" + name + "' is not an array");
        }
        List<T> out = new ArrayList<>();
        array.forEach(n -> out.add(element.apply(n)));
        return List.copyOf(out);
    }

    private static <T> T build(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedCertificate(e.getMessage());
        }
    }
}
