package org.gatehouse.web.scan;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.scans.BlackBoxScans;
import org.gatehouse.scans.ScanErrors;
import org.gatehouse.scans.ScanId;
import org.gatehouse.scans.ScanSettings;
import org.gatehouse.scans.ScanRules;
import org.gatehouse.scans.ScanStatus;
import org.gatehouse.scans.StoredArtifact;
import org.gatehouse.scans.WhiteBoxScans;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.security.SignedBody;
import org.gatehouse.web.support.MultipartForm;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;

/**
 * White-box scans of a release (B.1.3.1-if): a {@code multipart/form-data} form with the text
 * fields {@code category} (default {@code white-box}), {@code commit}, {@code build}, {@code rules} (JSON,
 * {@link ScanRules}; default: the SECURITY category), then the
 * artifact as {@code file} (a jar, war, ear or zip of classes); or, for CI agents that share storage, a JSON body
 * naming the artifact and its dependency jars by server path ({@link WhiteBoxScanRequest}). Answers 202 with the
 * queued scan.
 * Black-box scans (B.1.3.1-ig) start with a JSON body at {@code …/scans/black-box}.
 */
@Path("/releases/{id}/scans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scans")
public class ReleaseScansResource {
    private static final Set<String> FIELDS = Set.of("category", "commit", "build");

    @Inject
    WhiteBoxScans scans;

    @Inject
    ScanSettings settings;

    @Inject
    Releases releases;

    @Inject
    BlackBoxScans blackBox;

    @Inject
    org.gatehouse.web.support.RequestBodies bodies;

    @Context
    UriInfo uriInfo;

    @Context
    ContainerRequestContext request;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Requires(value = Permission.FINDING_IMPORT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Start a white-box scan (SpotBugs + Find Security Bugs) of an uploaded jar, war or zip")
    public Response start(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) throws IOException {
        Actor actor = CurrentActor.of(request);
        Release release = scans.authorize(actor, releases.get(actor, id));
        MultipartForm form = new MultipartForm(body, contentType);
        Map<String, String> fields = new HashMap<>();
        Optional<StoredArtifact> artifact = Optional.empty();
        try {
            for (Optional<MultipartForm.Part> next = form.next(); next.isPresent(); next = form.next()) {
                MultipartForm.Part part = next.get();
                if (part.name().equals("file") && artifact.isEmpty()) {
                    artifact = Optional.of(StoredArtifact.receive(part.content(), part.fileName().orElse(""),
                            settings.maxArtifactBytes(), settings.workDir()));
                } else if (FIELDS.contains(part.name())) {
                    fields.put(part.name(), MultipartForm.text(part, 200));
                } else if (part.name().equals("rules")) {
                    fields.put("rules", MultipartForm.text(part, ScanRules.MAX_JSON_CHARS));
                }
            }
            // to the end: a signed body's digest is verified before the scan is queued (ADR 0012)
            SignedBody.drain(body);
        } catch (RuntimeException | IOException e) {
            artifact.ifPresent(StoredArtifact::close);
            throw e;
        }
        ScanRules rules;
        try {
            rules = Optional.ofNullable(fields.get("rules")).map(ScanRules::fromJson).orElseGet(ScanRules::defaults);
        } catch (RuntimeException e) {
            artifact.ifPresent(StoredArtifact::close);
            throw e;
        }
        ScanStatus status = scans.start(actor, release, artifact.orElseThrow(ScanErrors.FileRequired::new),
                WhiteBoxScans.Inputs.upload(rules), new WhiteBoxScans.Origin(Optional.ofNullable(fields.get("category")).orElse("white-box"),
                        Optional.ofNullable(fields.get("commit")), Optional.ofNullable(fields.get("build"))));
        return accepted(status);
    }

    private Response accepted(ScanStatus status) {
        return Response.accepted(ScanView.of(status))
                .location(uriInfo.getBaseUriBuilder().path("scans").path(status.id().toString()).build())
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_IMPORT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Start a white-box scan of an artifact on the server, named by a path under the allowed roots")
    public Response startFromPath(@PathParam("id") String id, WhiteBoxScanRequest body) {
        WhiteBoxScanRequest valid = bodies.valid(body);
        Actor actor = CurrentActor.of(request);
        ScanStatus status = scans.startFromPath(actor, releases.get(actor, id), valid.artifactPath,
                Optional.ofNullable(valid.dependencyPaths).orElse(List.of()),
                Optional.ofNullable(valid.rules).map(r -> ScanRules.fromJson(r.toString())).orElseGet(ScanRules::defaults),
                new WhiteBoxScans.Origin(Optional.ofNullable(valid.category).orElse("white-box"),
                        Optional.ofNullable(valid.commit), Optional.ofNullable(valid.build)));
        return accepted(status);
    }

    @POST
    @Path("black-box")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_IMPORT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Start a black-box scan of the running product through the configured OWASP ZAP")
    public Response startBlackBox(@PathParam("id") String id, BlackBoxScanRequest body) {
        BlackBoxScanRequest valid = bodies.valid(body);
        Actor actor = CurrentActor.of(request);
        Release release = releases.get(actor, id);
        ScanId scan = blackBox.start(actor, release, new BlackBoxScans.Target(URI.create(valid.target),
                Optional.ofNullable(valid.includes).orElse(List.of()), Optional.ofNullable(valid.excludes).orElse(List.of()),
                Optional.ofNullable(valid.headerName), Optional.ofNullable(valid.headerValue),
                Boolean.TRUE.equals(valid.ajaxSpider), Optional.ofNullable(valid.policy),
                Duration.ofMinutes(Optional.ofNullable(valid.timeoutMinutes).orElse(60)),
                Optional.ofNullable(valid.formLogin).map(f -> BlackBoxScans.formLogin(f.loginUrl, f.loginRequestData,
                        f.username, f.password, Optional.ofNullable(f.loggedInIndicator),
                        Optional.ofNullable(f.loggedOutIndicator)))),
                new WhiteBoxScans.Origin(Optional.ofNullable(valid.category).orElse("black-box"),
                        Optional.ofNullable(valid.commit), Optional.ofNullable(valid.build)));
        return Response.accepted(ScanView.of(scans.status(actor, scan.toString())))
                .location(uriInfo.getBaseUriBuilder().path("scans").path(scan.toString()).build())
                .build();
    }

    @GET
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The scans of a release, newest first")
    public List<ScanView> list(@PathParam("id") String id) {
        Actor actor = CurrentActor.of(request);
        return scans.listOf(actor, releases.get(actor, id)).stream().map(ScanView::of).toList();
    }
}
