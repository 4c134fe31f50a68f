package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.PermissionMatrix;
import org.gatehouse.identity.access.Role;
import org.gatehouse.web.security.Public;
import org.gatehouse.web.security.Requires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls every endpoint as every role (and anonymously) and checks allow/deny against
 * {@link PermissionMatrix} (B.2.4.2). The endpoints come from the code, so a new endpoint without
 * a line in {@link #SPECS} fails this test.
 */
@ExtendWith(GatehouseServer.class)
class AuthorizationMatrixIT {

    /** Who calls: global roles, and roles in the target project P. */
    record Caller(String name, boolean anonymous, Set<Role> global, Set<Role> inProject) {
        boolean isToken() {
            return name.startsWith("CI token");
        }
    }

    /** How to call an endpoint once; placeholders {key}, {id}, {login}, {grant}, {case}, … are filled per call. */
    record Spec(String method, String path, Function<Context, String> body) {
    }

    /** What a call may refer to. */
    record Context(String key, String releaseId, String login, String grant, String unique, String finding) {
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("InfoResource.get", new Spec("GET", "/api/v1/info", c -> null));
        SPECS.put("ProjectsResource.list", new Spec("GET", "/api/v1/projects", c -> null));
        SPECS.put("ProjectsResource.create", new Spec("POST", "/api/v1/projects",
                c -> Fixtures.project(c.unique(), "matrix", 1)));
        SPECS.put("ProjectsResource.get", new Spec("GET", "/api/v1/projects/{key}", c -> null));
        SPECS.put("ProjectsResource.update", new Spec("PUT", "/api/v1/projects/{key}",
                c -> "{\"name\":\"matrix\",\"protectionLevel\":2,\"owner\":\"alice\"}"));
        SPECS.put("ProjectReleasesResource.create", new Spec("POST", "/api/v1/projects/{key}/releases",
                c -> "{\"version\":\"" + c.unique() + "\"}"));
        SPECS.put("ProjectReleasesResource.list", new Spec("GET", "/api/v1/projects/{key}/releases", c -> null));
        SPECS.put("ReleasesResource.get", new Spec("GET", "/api/v1/releases/{id}", c -> null));
        SPECS.put("ReleaseLifecycleResource.get", new Spec("GET", "/api/v1/releases/{id}/lifecycle", c -> null));
        SPECS.put("ReleaseLifecycleResource.preview", new Spec("GET", "/api/v1/releases/{id}/lifecycle/preview?trigger=advance",
                c -> null));
        // blocked for everyone allowed (the release's gates do not pass), so it changes nothing
        SPECS.put("ReleaseLifecycleResource.fire", new Spec("POST", "/api/v1/releases/{id}/lifecycle/transitions",
                c -> "{\"trigger\":\"advance\"}"));
        SPECS.put("ReleaseLifecycleResource.transitions", new Spec("GET", "/api/v1/releases/{id}/lifecycle/transitions",
                c -> null));
        SPECS.put("ReleaseLifecycleResource.completeActivity", new Spec("POST", "/api/v1/releases/{id}/lifecycle/activities",
                c -> "{\"activity\":\"white-box-scan\"}"));
        SPECS.put("ReleaseLifecycleResource.activities", new Spec("GET", "/api/v1/releases/{id}/lifecycle/activities",
                c -> null));
        SPECS.put("ReleaseLifecycleResource.waive", new Spec("POST", "/api/v1/releases/{id}/lifecycle/waivers",
                c -> "{\"gate\":\"requirements.agreed\",\"justification\":\"matrix\",\"expiresAt\":\""
                        + java.time.Instant.now().plus(java.time.Duration.ofDays(1)) + "\"}"));
        SPECS.put("ReleaseLifecycleResource.gates", new Spec("GET", "/api/v1/releases/{id}/lifecycle/gates", c -> null));
        SPECS.put("ReleaseLifecycleResource.signatures", new Spec("GET", "/api/v1/releases/{id}/lifecycle/signatures",
                c -> null));
        SPECS.put("ReleaseRequirementsResource.list", new Spec("GET", "/api/v1/releases/{id}/requirements", c -> null));
        // a malformed key is refused after the permission check: nothing changes
        SPECS.put("ReleaseRequirementsResource.add", new Spec("POST", "/api/v1/releases/{id}/requirements",
                c -> "{\"key\":\"bad key\",\"title\":\"matrix\"}"));
        SPECS.put("ReleaseRequirementsResource.baseline", new Spec("POST", "/api/v1/releases/{id}/requirements/baseline",
                c -> null));
        SPECS.put("ReleaseRequirementsResource.update", new Spec("PUT", "/api/v1/releases/{id}/requirements/SR-NONE",
                c -> "{\"title\":\"matrix\"}"));
        SPECS.put("ReleaseRequirementsResource.withdraw", new Spec("DELETE", "/api/v1/releases/{id}/requirements/SR-NONE",
                c -> null));
        SPECS.put("ReleaseTicketsResource.list", new Spec("GET", "/api/v1/releases/{id}/tickets", c -> null));
        // a new ticket per allowed caller (no requirement names it, so no gate waits for it)
        SPECS.put("ReleaseTicketsResource.create", new Spec("POST", "/api/v1/releases/{id}/tickets",
                c -> "{\"key\":\"" + c.unique() + "-1\",\"title\":\"matrix\",\"kind\":\"story\"}"));
        SPECS.put("ReleaseTicketsResource.get", new Spec("GET", "/api/v1/releases/{id}/tickets/NONE-1", c -> null));
        SPECS.put("ReleaseTicketsResource.update", new Spec("PUT", "/api/v1/releases/{id}/tickets/NONE-1",
                c -> "{\"title\":\"matrix\",\"kind\":\"bug\"}"));
        SPECS.put("ReleaseTicketsResource.move", new Spec("POST", "/api/v1/releases/{id}/tickets/NONE-1/transitions",
                c -> "{\"to\":\"DESIGN_REVIEWED\"}"));
        SPECS.put("ReleaseRiskAssessmentResource.get", new Spec("GET", "/api/v1/releases/{id}/risk-assessment", c -> null));
        SPECS.put("ReleaseRiskAssessmentResource.put", new Spec("PUT", "/api/v1/releases/{id}/risk-assessment",
                c -> "{\"assetValue\":1,\"likelihood\":1,\"impact\":1,\"threats\":\"t\",\"businessLoss\":\"l\"}"));
        SPECS.put("ReleaseSignOffsResource.status", new Spec("GET", "/api/v1/releases/{id}/sign-offs", c -> null));
        SPECS.put("ReleaseSignOffsResource.sign", new Spec("POST", "/api/v1/releases/{id}/sign-offs",
                c -> "{\"subject\":\"risk-assessment\",\"role\":\"PROJECT_OWNER\",\"contentSha256\":\""
                        + "0".repeat(64) + "\"}"));
        SPECS.put("ReleaseReviewsResource.get", new Spec("GET", "/api/v1/releases/{id}/reviews", c -> null));
        // a malformed key is refused after the permission check
        SPECS.put("ReleaseReviewsResource.design", new Spec("POST", "/api/v1/releases/{id}/reviews/design-recommendations",
                c -> "{\"key\":\"DR-x\",\"topic\":\"THREAT\",\"subject\":\"s\",\"recommendation\":\"r\"}"));
        SPECS.put("ReleaseReviewsResource.conclude", new Spec("PUT", "/api/v1/releases/{id}/reviews/audit-conclusion",
                c -> "{\"verdict\":\"maybe\",\"conclusion\":\"matrix\"}"));
        SPECS.put("ReleaseReviewsResource.check", new Spec("PUT", "/api/v1/releases/{id}/reviews/pre-production/no-such-item",
                c -> "{\"checked\":true}"));
        SPECS.put("ReleaseCertificateResource.get", new Spec("GET", "/api/v1/releases/{id}/certificate", c -> null));
        SPECS.put("CertificatesResource.authority", new Spec("GET", "/api/v1/certificates/authority", c -> null));
        SPECS.put("CertificatesResource.verify", new Spec("POST", "/api/v1/certificates/verification", c -> "{}"));
        SPECS.put("ReleaseBuildResource.get", new Spec("GET", "/api/v1/releases/{id}/build", c -> null));
        // a malformed commit is refused after the permission check
        SPECS.put("ReleaseBuildResource.put", new Spec("PUT", "/api/v1/releases/{id}/build",
                c -> "{\"commit\":\"not-hex\",\"build\":\"1\",\"artifacts\":[]}"));
        // C.4: the release's software inventory and the project's licence policy (ADR 0020)
        SPECS.put("ReleaseComponentsResource.list", new Spec("GET", "/api/v1/releases/{id}/components", c -> null));
        SPECS.put("ProjectLicencePolicyResource.get", new Spec("GET", "/api/v1/projects/{key}/licence-policy", c -> null));
        SPECS.put("ProjectLicencePolicyResource.put", new Spec("PUT", "/api/v1/projects/{key}/licence-policy",
                c -> "{\"allowed\":[],\"denied\":[\"AGPL-3.0-only\"],\"unknownLicences\":\"FINDING\"}"));
        SPECS.put("ProjectComponentFlagsResource.list", new Spec("GET", "/api/v1/projects/{key}/component-flags", c -> null));
        SPECS.put("ProjectComponentFlagsResource.set", new Spec("PUT", "/api/v1/projects/{key}/component-flags",
                c -> "{\"identity\":\"pkg:maven/org.matrix/crypto\",\"flag\":\"KEY_SECURITY_DESIGN\",\"reason\":\"matrix\"}"));
        SPECS.put("ProjectComponentFlagsResource.remove", new Spec("DELETE",
                "/api/v1/projects/{key}/component-flags?identity=pkg:maven/org.matrix/none&flag=KEY_SECURITY_DESIGN", c -> null));
        SPECS.put("ReleaseCryptoReviewsResource.list", new Spec("GET", "/api/v1/releases/{id}/crypto-reviews", c -> null));
        // the component is not flagged: 400 once allowed, before the separation-of-duties check
        SPECS.put("ReleaseCryptoReviewsResource.record", new Spec("POST", "/api/v1/releases/{id}/crypto-reviews",
                c -> "{\"identity\":\"pkg:maven/org.matrix/none\",\"implementer\":\"nobody\"}"));
        SPECS.put("ReleaseReviewsResource.attach", new Spec("PUT", "/api/v1/releases/{id}/reviews/coding-standard",
                c -> "{\"name\":\"Secure coding\",\"version\":\"1\",\"documentSha256\":\"bad\"}"));
        // an internal document generated in the setup; regenerating it unchanged adds no version
        SPECS.put("ReleaseDocumentsResource.generate", new Spec("POST", "/api/v1/releases/{id}/documents/security-requirements",
                c -> "{\"changeNote\":\"matrix\"}"));
        SPECS.put("ReleaseDocumentsResource.list", new Spec("GET", "/api/v1/releases/{id}/documents", c -> null));
        SPECS.put("DocumentsResource.get", new Spec("GET", "/api/v1/documents/{document}", c -> null));
        SPECS.put("DocumentsResource.html", new Spec("GET", "/api/v1/documents/{document}/html", c -> null));
        SPECS.put("DocumentsResource.pdf", new Spec("GET", "/api/v1/documents/{document}/pdf", c -> null));
        SPECS.put("ReleaseGateResource.gate", new Spec("GET", "/api/v1/releases/{id}/gate", c -> null));
        SPECS.put("AccountsResource.list", new Spec("GET", "/api/v1/accounts", c -> null));
        SPECS.put("AccountsResource.create", new Spec("POST", "/api/v1/accounts",
                c -> "{\"login\":\"" + c.unique().toLowerCase() + "\",\"displayName\":\"Matrix\"}"));
        SPECS.put("AccountsResource.get", new Spec("GET", "/api/v1/accounts/{login}", c -> null));
        SPECS.put("AccountsResource.grant", new Spec("POST", "/api/v1/accounts/{login}/roles",
                c -> "{\"role\":\"DEVELOPER\",\"project\":\"" + c.key() + "\"}"));
        SPECS.put("AccountsResource.revoke", new Spec("DELETE", "/api/v1/accounts/{login}/roles/{grant}", c -> null));
        // C.1 personnel register: malformed bodies are refused after the permission check, so the target stays vetted
        SPECS.put("PeopleResource.get", new Spec("GET", "/api/v1/people/{login}", c -> null));
        SPECS.put("PeopleResource.backgroundCheck", new Spec("PUT", "/api/v1/people/{login}/background-check",
                c -> "{\"status\":\"MAYBE\",\"checkedOn\":\"2026-01-01\",\"checkedBy\":\"matrix\"}"));
        SPECS.put("PeopleResource.agreement", new Spec("PUT", "/api/v1/people/{login}/confidentiality-agreement",
                c -> "{\"signedOn\":\"2026-01-01\",\"expiresOn\":\"2025-01-01\",\"documentSha256\":\"" + "0".repeat(64)
                        + "\"}"));
        SPECS.put("PeopleResource.training", new Spec("POST", "/api/v1/people/{login}/trainings",
                c -> "{\"course\":\"matrix\",\"kind\":\"NONE\",\"completedOn\":\"2026-01-01\",\"expiresOn\":\"2027-01-01\"}"));
        SPECS.put("ProjectTeamResource.get", new Spec("GET", "/api/v1/projects/{key}/team", c -> null));
        SPECS.put("AuditResource.events", new Spec("GET", "/api/v1/audit/events?limit=1", c -> null));
        SPECS.put("AuditResource.export", new Spec("GET", "/api/v1/audit/export?format=json&type=no.such.type", c -> null));
        SPECS.put("NotificationsResource.latest", new Spec("GET", "/api/v1/notifications", c -> null));
        SPECS.put("AuditResource.verify", new Spec("GET", "/api/v1/audit/verification", c -> null));
        // workflow definitions (issue 6, ADR 0023): the publish body is refused (400) once allowed, so nothing changes
        SPECS.put("WorkflowDefinitionsResource.list", new Spec("GET", "/api/v1/workflow-definitions", c -> null));
        SPECS.put("WorkflowDefinitionsResource.document", new Spec("GET", "/api/v1/workflow-definitions/sdl-level-2/1",
                c -> null));
        SPECS.put("WorkflowDefinitionsResource.publish", new Spec("POST", "/api/v1/workflow-definitions/sdl-level-2",
                c -> "{\"note\":\"matrix\",\"definition\":{}}"));
        // uploaded documents (C.3, ADR 0024): a public document of the setup; uploads are sent as multipart/form-data
        // by the loop below and refused as incomplete (400) once allowed
        SPECS.put("ProjectUploadedDocumentsResource.list", new Spec("GET", "/api/v1/projects/{key}/uploaded-documents",
                c -> null));
        SPECS.put("ProjectUploadedDocumentsResource.create", new Spec("POST", "/api/v1/projects/{key}/uploaded-documents",
                c -> null));
        SPECS.put("UploadedDocumentsResource.get", new Spec("GET", "/api/v1/uploaded-documents/{uploaded}", c -> null));
        SPECS.put("UploadedDocumentsResource.addVersion", new Spec("POST",
                "/api/v1/uploaded-documents/{uploaded}" + "/versions", c -> null));
        SPECS.put("UploadedDocumentsResource.content", new Spec("GET",
                "/api/v1/uploaded-documents/{uploaded}" + "/versions/1/content", c -> null));
        SPECS.put("UploadedDocumentsResource.archive", new Spec("POST",
                "/api/v1/uploaded-documents/{uploaded}" + "/archive", c -> null));
        SPECS.put("UploadedDocumentsResource.reencrypt", new Spec("POST", "/api/v1/uploaded-documents/re-encryption",
                c -> null));
        SPECS.put("ServiceAccountsResource.create", new Spec("POST", "/api/v1/projects/{key}/service-accounts",
                c -> "{\"name\":\"" + c.unique().toLowerCase() + "\"}"));
        SPECS.put("ServiceAccountsResource.list", new Spec("GET", "/api/v1/projects/{key}/service-accounts", c -> null));
        SPECS.put("ServiceAccountsResource.issue", new Spec("POST", "/api/v1/projects/{key}/service-accounts/{service}/tokens",
                c -> "{\"name\":\"t\",\"scopes\":[\"releases:read\"]}"));
        SPECS.put("ServiceAccountsResource.revoke", new Spec("DELETE",
                "/api/v1/projects/{key}/service-accounts/{service}/tokens/00000000-0000-7000-8000-000000000000", c -> null));
        SPECS.put("ApiCallsResource.list", new Spec("GET", "/api/v1/projects/{key}/api-calls", c -> null));
        SPECS.put("ProjectWebhooksResource.list", new Spec("GET", "/api/v1/projects/{key}/webhooks", c -> null));
        SPECS.put("ProjectWebhooksResource.create", new Spec("POST", "/api/v1/projects/{key}/webhooks",
                c -> "{\"url\":\"http://127.0.0.1:9/matrix\",\"events\":[\"gate.blocked\"]}"));
        SPECS.put("ProjectWebhooksResource.get", new Spec("GET", "/api/v1/projects/{key}/webhooks/0190a0b0-0000-7000-8000-000000000001", c -> null));
        SPECS.put("ProjectWebhooksResource.update", new Spec("PUT", "/api/v1/projects/{key}/webhooks/0190a0b0-0000-7000-8000-000000000001",
                c -> "{\"url\":\"http://127.0.0.1:9/matrix\",\"events\":[\"gate.blocked\"]}"));
        SPECS.put("ProjectWebhooksResource.remove", new Spec("DELETE", "/api/v1/projects/{key}/webhooks/0190a0b0-0000-7000-8000-000000000001", c -> null));
        SPECS.put("ProjectWebhooksResource.deliveries", new Spec("GET", "/api/v1/projects/{key}/webhooks/0190a0b0-0000-7000-8000-000000000001/deliveries", c -> null));
        SPECS.put("ProjectWebhooksResource.redeliver", new Spec("POST",
                "/api/v1/projects/{key}/webhooks/0190a0b0-0000-7000-8000-000000000001/deliveries/0190a0b0-0000-7000-8000-000000000002/redelivery", c -> null));
        SPECS.put("NotificationPreferencesResource.get", new Spec("GET", "/api/v1/session/notification-preferences",
                c -> null));
        SPECS.put("NotificationPreferencesResource.set", new Spec("PUT", "/api/v1/session/notification-preferences",
                c -> "{\"events\":[],\"language\":\"en\"}"));
        SPECS.put("TrackerConnectionResource.get", new Spec("GET", "/api/v1/projects/{key}/tracker", c -> null));
        SPECS.put("TrackerConnectionResource.save", new Spec("PUT", "/api/v1/projects/{key}/tracker",
                c -> "{\"tracker\":\"github\",\"baseUrl\":\"http://127.0.0.1:1\",\"container\":\"acme/shop\",\"token\":\"t\"}"));
        SPECS.put("TrackerConnectionResource.check", new Spec("POST", "/api/v1/projects/{key}/tracker/check", c -> null));
        SPECS.put("TrackerConnectionResource.reconcile", new Spec("POST", "/api/v1/projects/{key}/tracker/reconcile",
                c -> null));
        SPECS.put("ProjectIssuesResource.file", new Spec("POST", "/api/v1/projects/{key}/tracker/issues",
                c -> "{\"findingIds\":[\"" + c.finding() + "\"]}"));
        SPECS.put("ProjectIssuesResource.list", new Spec("GET", "/api/v1/projects/{key}/tracker/issues", c -> null));
        SPECS.put("TrackerConnectionResource.delete", new Spec("DELETE", "/api/v1/projects/{key}/tracker", c -> null));
        SPECS.put("TrackerWebhooksResource.receive", new Spec("POST",
                "/api/v1/tracker-webhooks/00000000-0000-7000-8000-000000000000", c -> "{}"));
        SPECS.put("FindingsResource.list", new Spec("GET", "/api/v1/findings?project={key}", c -> null));
        SPECS.put("FindingsResource.get", new Spec("GET", "/api/v1/findings/{finding}", c -> null));
        SPECS.put("FindingsResource.triage", new Spec("POST", "/api/v1/findings/{finding}/triage",
                c -> "{\"action\":\"withdraw-request\"}"));
        SPECS.put("FindingsResource.triageAll", new Spec("POST", "/api/v1/findings/triage",
                c -> "{\"action\":\"withdraw-request\",\"ids\":[\"" + c.finding() + "\"]}"));
        SPECS.put("FindingsResource.retest", new Spec("POST", "/api/v1/findings/{finding}/retest",
                c -> "{\"passed\":true}"));
        SPECS.put("FindingsResource.decide", new Spec("POST", "/api/v1/findings/{finding}/decision",
                c -> "{\"approve\":false}"));
        SPECS.put("FindingsResource.decideAll", new Spec("POST", "/api/v1/findings/decision",
                c -> "{\"approve\":false,\"ids\":[\"" + c.finding() + "\"]}"));
        SPECS.put("FindingsResource.reopen", new Spec("POST", "/api/v1/findings/{finding}/reopen",
                c -> "{\"reason\":\"matrix\"}"));
        // sent as multipart/form-data by the loop below
        SPECS.put("ReleaseImportsResource.upload", new Spec("POST", "/api/v1/releases/{id}/imports", c -> null));
        SPECS.put("ReleaseImportsResource.list", new Spec("GET", "/api/v1/releases/{id}/imports", c -> null));
        // sent as multipart/form-data by the loop below, into the existing release by its version
        SPECS.put("ProjectImportsResource.upload", new Spec("POST", "/api/v1/projects/{key}/imports", c -> null));
        // sent with the setup's completed import by the loop below
        SPECS.put("ReleaseScanAdvanceResource.advance", new Spec("POST", "/api/v1/releases/{id}/scan-advance", c -> null));
        // sent as multipart/form-data by the loop below (a text file: refused as 415 once allowed)
        SPECS.put("ReleaseScansResource.start", new Spec("POST", "/api/v1/releases/{id}/scans", c -> null));
        SPECS.put("ReleaseScansResource.startFromPath", new Spec("POST", "/api/v1/releases/{id}/scans",
                c -> "{\"artifactPath\":\"/nonexistent/matrix.jar\"}"));
        SPECS.put("ReleaseScansResource.startBlackBox", new Spec("POST", "/api/v1/releases/{id}/scans/black-box",
                c -> "{\"target\":\"http://shop.test/\"}")); // ZAP is not configured here: 503 once allowed
        SPECS.put("ScansResource.zap", new Spec("GET", "/api/v1/scans/zap", c -> null));
        SPECS.put("ReleaseScansResource.list", new Spec("GET", "/api/v1/releases/{id}/scans", c -> null));
        SPECS.put("ScansResource.get", new Spec("GET", "/api/v1/scans/{scan}", c -> null));
        SPECS.put("ScansResource.cancel", new Spec("POST", "/api/v1/scans/{scan}/cancel", c -> null));
        // after cancel: the scan has ended, so the stream ends at once
        SPECS.put("ScansResource.events", new Spec("GET", "/api/v1/scans/{scan}/events", c -> null));
        SPECS.put("ImportsResource.get", new Spec("GET", "/api/v1/imports/{import}", c -> null));
        SPECS.put("ImportsResource.events", new Spec("GET", "/api/v1/imports/{import}/events", c -> null));
        SPECS.put("ReleaseTestCasesResource.list", new Spec("GET", "/api/v1/releases/{id}/test-cases", c -> null));
        // a new MT-nnn case per allowed caller; the checklist is added once and then adds nothing
        SPECS.put("ReleaseTestCasesResource.create", new Spec("POST", "/api/v1/releases/{id}/test-cases",
                c -> "{\"title\":\"matrix\",\"steps\":\"call\",\"expectedResult\":\"as the matrix says\"}"));
        SPECS.put("ReleaseTestCasesResource.addChecklist", new Spec("POST", "/api/v1/releases/{id}/test-cases/checklist",
                c -> null));
        SPECS.put("TestCasesResource.get", new Spec("GET", "/api/v1/test-cases/{case}", c -> null));
        // BLOCKED files no finding, so the findings rows above see the same data
        SPECS.put("TestCasesResource.execute", new Spec("POST", "/api/v1/test-cases/{case}/executions",
                c -> "{\"result\":\"BLOCKED\",\"notes\":\"matrix\"}"));
        SPECS.put("PortfolioResource.get", new Spec("GET", "/api/v1/portfolio", c -> null));
        SPECS.put("ProjectTrendsResource.openFindings", new Spec("GET", "/api/v1/projects/{key}/trends/open-findings?days=7",
                c -> null));
        SPECS.put("ProjectTrendsResource.timeToFix", new Spec("GET", "/api/v1/projects/{key}/trends/time-to-fix", c -> null));
        SPECS.put("ReleaseTrendsResource.slaBurnDown", new Spec("GET", "/api/v1/releases/{id}/trends/sla-burn-down", c -> null));
        // issue 9 (C.2, 8.5.2, C.4): environments, devices, production keys, the secrets check, source access
        SPECS.put("ProjectEnvironmentsResource.list", new Spec("GET", "/api/v1/projects/{key}/environments", c -> null));
        SPECS.put("ProjectEnvironmentsResource.create", new Spec("POST", "/api/v1/projects/{key}/environments",
                c -> "{\"name\":\"" + c.unique() + "\",\"kind\":\"STAGING\",\"networkZone\":\"matrix\",\"access\":\"ops\"}"));
        SPECS.put("ProjectEnvironmentsResource.update", new Spec("PUT",
                "/api/v1/projects/{key}/environments/00000000-0000-7000-8000-000000000000",
                c -> "{\"name\":\"m\",\"kind\":\"TEST\",\"networkZone\":\"matrix-test\",\"access\":\"ops\"}"));
        SPECS.put("ProjectEnvironmentsResource.remove", new Spec("DELETE",
                "/api/v1/projects/{key}/environments/00000000-0000-7000-8000-000000000000", c -> null));
        SPECS.put("ProjectDevicesResource.list", new Spec("GET", "/api/v1/projects/{key}/devices", c -> null));
        // an unknown responsible person is refused after the permission check
        SPECS.put("ProjectDevicesResource.register", new Spec("POST", "/api/v1/projects/{key}/devices",
                c -> "{\"assetTag\":\"M-1\",\"description\":\"matrix\",\"responsible\":\"nobody-matrix\"}"));
        SPECS.put("ProjectDevicesResource.update", new Spec("PUT",
                "/api/v1/projects/{key}/devices/00000000-0000-7000-8000-000000000000",
                c -> "{\"assetTag\":\"M-1\",\"description\":\"matrix\",\"responsible\":\"" + c.login() + "\"}"));
        SPECS.put("ProjectDevicesResource.remove", new Spec("DELETE",
                "/api/v1/projects/{key}/devices/00000000-0000-7000-8000-000000000000", c -> null));
        SPECS.put("ProjectProductionKeysResource.list", new Spec("GET", "/api/v1/projects/{key}/production-keys", c -> null));
        // unreadable PEM: refused after the permission check
        SPECS.put("ProjectProductionKeysResource.register", new Spec("POST", "/api/v1/projects/{key}/production-keys",
                c -> "{\"label\":\"matrix\",\"pem\":\"not a key\"}"));
        SPECS.put("ProjectProductionKeysResource.remove", new Spec("DELETE",
                "/api/v1/projects/{key}/production-keys/00000000-0000-7000-8000-000000000000", c -> null));
        // sent as multipart/form-data by the loop below (a clean text file: an import without findings)
        SPECS.put("ReleaseSecretsChecksResource.check", new Spec("POST", "/api/v1/releases/{id}/secrets-checks", c -> null));
        SPECS.put("ProjectSourceAccessResource.list", new Spec("GET", "/api/v1/projects/{key}/source-access", c -> null));
        SPECS.put("ProjectSourceAccessResource.get", new Spec("GET",
                "/api/v1/projects/{key}/source-access/00000000-0000-7000-8000-000000000000", c -> null));
        SPECS.put("ProjectSourceAccessResource.create", new Spec("POST", "/api/v1/projects/{key}/source-access",
                c -> "{\"repository\":\"git@example:matrix.git\",\"access\":\"READ\",\"reason\":\"matrix\",\"validUntil\":\""
                        + java.time.Instant.now().plus(java.time.Duration.ofDays(1)) + "\"}"));
        SPECS.put("ProjectSourceAccessResource.approve", new Spec("POST",
                "/api/v1/projects/{key}/source-access/00000000-0000-7000-8000-000000000000/approval", c -> "{}"));
        SPECS.put("ProjectSourceAccessResource.refuse", new Spec("POST",
                "/api/v1/projects/{key}/source-access/00000000-0000-7000-8000-000000000000/refusal", c -> "{}"));
        SPECS.put("ProjectSourceAccessResource.revoke", new Spec("POST",
                "/api/v1/projects/{key}/source-access/00000000-0000-7000-8000-000000000000/revocation",
                c -> "{\"note\":\"matrix\"}"));
        // the compliance matrix (issue 9): COMPLIANCE_READ in the project; the report's default is zh-CN HTML
        SPECS.put("ComplianceResource.get", new Spec("GET", "/api/v1/projects/{key}/compliance", c -> null));
        SPECS.put("ComplianceResource.report", new Spec("GET", "/api/v1/projects/{key}/compliance/report?lang=en",
                c -> null));
        SPECS.put("SessionResource.current", new Spec("GET", "/api/v1/session", c -> null));
        SPECS.put("SessionResource.changePassword", new Spec("PUT", "/api/v1/session/password",
                c -> "{\"currentPassword\":\"Not-My-Password-1\",\"newPassword\":\"Whatever-Pass-2026\"}"));
        SPECS.put("SessionResource.signingCertificate", new Spec("GET", "/api/v1/session/signing-certificate", c -> null));
        SPECS.put("SessionResource.beginTotp", new Spec("POST", "/api/v1/session/totp", c -> null));
        SPECS.put("SessionResource.confirmTotp", new Spec("PUT", "/api/v1/session/totp", c -> "{\"code\":\"000000\"}"));
        SPECS.put("SessionResource.login", new Spec("POST", "/api/v1/session",
                c -> "{\"login\":\"nobody\",\"password\":\"Not-A-Password-1\"}"));
        // last: it ends the caller's session
        SPECS.put("SessionResource.logout", new Spec("DELETE", "/api/v1/session", c -> null));
    }

    private static final List<Caller> CALLERS = List.of(
            new Caller("anonymous", true, Set.of(), Set.of()),
            new Caller("no role", false, Set.of(), Set.of()),
            new Caller("ADMINISTRATOR", false, Set.of(Role.ADMINISTRATOR), Set.of()),
            new Caller("SECURITY_ADMINISTRATOR", false, Set.of(Role.SECURITY_ADMINISTRATOR), Set.of()),
            new Caller("AUDITOR", false, Set.of(Role.AUDITOR), Set.of()),
            new Caller("PROJECT_OWNER of P", false, Set.of(), Set.of(Role.PROJECT_OWNER)),
            new Caller("DEVELOPER of P", false, Set.of(), Set.of(Role.DEVELOPER)),
            new Caller("TESTER of P", false, Set.of(), Set.of(Role.TESTER)),
            new Caller("SECURITY_REVIEWER of P", false, Set.of(), Set.of(Role.SECURITY_REVIEWER)),
            new Caller("PROJECT_OWNER of another project", false, Set.of(), EnumSet.noneOf(Role.class)),
            new Caller("CI token of P (every scope)", false, Set.of(), Set.of(Role.CI_SERVICE)));

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays(Api admin, Users users) throws Exception {
        Map<String, Method> endpoints = endpoints();
        assertEquals(new TreeSet<>(endpoints.keySet()), new TreeSet<>(SPECS.keySet()),
                "every endpoint needs a line in AuthorizationMatrixIT.SPECS");

        String project = Fixtures.createProject(admin, "MTX");
        Api projectOwner = users.withProjectRole("PROJECT_OWNER", project);
        String releaseId = projectOwner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"0.1\"}")
                .json().get("id").asText();
        String target = users.createAccount("tgt", "Target-Password-2026");
        users.vet(target); // C.1: roles in P (level 2) need vetting
        String service = projectOwner.post("/api/v1/projects/" + project + "/service-accounts", "{\"name\":\"matrix\"}")
                .json().get("login").asText();
        String allScopes = projectOwner.post("/api/v1/projects/" + project + "/service-accounts/" + service + "/tokens",
                "{\"name\":\"all\",\"scopes\":[\"releases:read\",\"releases:write\",\"scans:push\",\"gate:read\","
                        + "\"releases:advance-scan\"]}")
                .json().get("token").asText();
        Api.Reply upload = projectOwner.upload(releaseId, "matrix.sarif", FindingsIT.sarif("", 0, FindingsIT.A), "scanner",
                "sarif");
        String importId = upload.json().get("id").asText();
        String finding = projectOwner.get("/api/v1/findings?project=" + project).json().get("items").get(0).get("id")
                .asText();
        String testCase = users.withProjectRole("TESTER", project).post("/api/v1/releases/" + releaseId + "/test-cases",
                "{\"title\":\"matrix\",\"steps\":\"call\",\"expectedResult\":\"as the matrix says\"}").json()
                .get("id").asText();
        String scan = projectOwner.scan(releaseId, "matrix.jar", Artifacts.vulnerableJar()).json().get("id").asText();
        String document = projectOwner.post("/api/v1/releases/" + releaseId + "/documents/security-requirements",
                "{\"changeNote\":\"matrix\"}").json().get("id").asText();
        String uploaded = projectOwner.postForm("/api/v1/projects/" + project + "/uploaded-documents", "matrix.txt",
                new byte[] {'x'}, "title", "Matrix", "category", "other", "classification", "public", "changeNote", "matrix",
                "securityImpact", "none").json().get("id").asText();

        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder("[it] authorization matrix (A = allowed, - = denied)\n");
        for (Caller caller : CALLERS) {
            Api api = caller.isToken() ? new Api(admin.base()).withToken(allScopes) : session(caller, users, project, admin);
            StringBuilder row = new StringBuilder(String.format("  %-34s", caller.name()));
            for (Map.Entry<String, Spec> entry : SPECS.entrySet()) {
                Method method = endpoints.get(entry.getKey());
                boolean expected = allowed(caller, method);
                String grant = entry.getKey().equals("AccountsResource.revoke")
                        ? admin.post("/api/v1/accounts/" + target + "/roles", "{\"role\":\"TESTER\",\"project\":\"" + project
                                + "\"}").json().path("id").asText("none")
                        : "none";
                if (grant.equals("none") && entry.getKey().equals("AccountsResource.revoke")) {
                    // a TESTER grant in P exists already from an earlier caller: find it
                    grant = admin.get("/api/v1/accounts/" + target).json().get("roles").get(0).get("id").asText();
                }
                Context context = new Context(project, releaseId, target, grant, Fixtures.uniqueKey("MX"), finding);
                Spec spec = entry.getValue();
                String path = spec.path().replace("{key}", project).replace("{id}", releaseId)
                        .replace("{login}", target).replace("{grant}", grant).replace("{service}", service)
                        .replace("{finding}", finding).replace("{import}", importId).replace("{scan}", scan)
                        .replace("{case}", testCase).replace("{document}", document)
                        .replace("{uploaded}", uploaded);
                String body = spec.body().apply(context);
                Api.Reply reply = switch (entry.getKey()) {
                    case "ReleaseImportsResource.upload" -> api.upload(releaseId, "matrix.sarif",
                            FindingsIT.sarif("", 0, FindingsIT.A), "scanner", "sarif");
                    case "ReleaseScansResource.start" -> api.scan(releaseId, "matrix.txt", new byte[] {'x'});
                    case "ReleaseSecretsChecksResource.check" -> api.form("/api/v1/releases/" + releaseId
                            + "/secrets-checks", "matrix.txt", "nothing here".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            "category", "matrix");
                    case "ProjectImportsResource.upload" -> api.uploadToProject(project, "matrix.sarif",
                            FindingsIT.sarif("", 0, FindingsIT.A), "scanner", "sarif", "releaseVersion", "0.1");
                    case "ProjectUploadedDocumentsResource.create", "UploadedDocumentsResource.addVersion" ->
                            api.postForm(path, "matrix.txt", new byte[] {'x'});
                    case "ReleaseScanAdvanceResource.advance" -> api.post(path, "{\"import\":\"" + importId + "\"}");
                    default -> api.send(spec.method(), path, body, body == null ? null : "application/json", "If-Match",
                            "*");
                };
                boolean denied = isDenial(reply);
                row.append(denied ? " -" : " A");
                if (denied == expected) {
                    failures.add(caller.name() + " " + entry.getKey() + ": expected " + (expected ? "allowed" : "denied")
                            + ", got " + reply);
                }
            }
            table.append(row).append('\n');
        }
        table.append("  columns: ").append(String.join(", ", SPECS.keySet()));
        System.out.println(table);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static boolean isDenial(Api.Reply reply) {
        if (reply.status() != 401 && reply.status() != 403) {
            return false;
        }
        String type = reply.json().path("type").asText();
        return type.endsWith(":forbidden") || type.endsWith(":unauthenticated") || type.endsWith(":csrf-rejected")
                || type.endsWith(":password-change-required");
    }

    private static boolean allowed(Caller caller, Method method) {
        if (method.isAnnotationPresent(Public.class)) {
            return true;
        }
        if (caller.anonymous()) {
            return false;
        }
        Requires requires = method.getAnnotation(Requires.class);
        Permission permission = requires.value();
        if (caller.isToken()) {
            // a CI_SERVICE role limited to the token's scopes (here: every scope)
            Set<Permission> scoped = EnumSet.noneOf(Permission.class);
            for (org.gatehouse.identity.token.ApiScope scope : org.gatehouse.identity.token.ApiScope.values()) {
                scoped.addAll(scope.permissions());
            }
            return requires.scope() != Requires.Scope.GLOBAL && scoped.contains(permission)
                    && PermissionMatrix.grants(Role.CI_SERVICE, permission);
        }
        if (PermissionMatrix.everyPerson().contains(permission)) {
            return true;
        }
        if (requires.scope() == Requires.Scope.ANY_PROJECT && caller.name().endsWith("another project")
                && PermissionMatrix.grants(Role.PROJECT_OWNER, permission)) {
            return true; // a role in any project will do: the boundary shows only that project's share
        }
        if (caller.global().stream().anyMatch(role -> PermissionMatrix.grants(role, permission))) {
            return true;
        }
        return requires.scope() != Requires.Scope.GLOBAL
                && caller.inProject().stream().anyMatch(role -> PermissionMatrix.grants(role, permission));
    }

    private static Api session(Caller caller, Users users, String project, Api admin) {
        if (caller.anonymous()) {
            return new Api(admin.base());
        }
        if (caller.name().endsWith("another project")) {
            return users.withProjectRole("PROJECT_OWNER", Fixtures.createProject(admin, "OTH"));
        }
        if (!caller.global().isEmpty()) {
            return users.withGlobalRole(caller.global().iterator().next().name());
        }
        if (!caller.inProject().isEmpty()) {
            return users.withProjectRole(caller.inProject().iterator().next().name(), project);
        }
        return users.withoutRoles();
    }

    private static Map<String, Method> endpoints() throws ClassNotFoundException {
        Map<String, Method> endpoints = new LinkedHashMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gatehouse.web")) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            for (Method method : Class.forName(type.getName()).getDeclaredMethods()) {
                if (Optional.ofNullable(method.getAnnotation(GET.class)).isPresent() || method.isAnnotationPresent(POST.class)
                        || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(DELETE.class)) {
                    endpoints.put(type.getSimpleName() + "." + method.getName(), method);
                }
            }
        }
        return endpoints;
    }
}
