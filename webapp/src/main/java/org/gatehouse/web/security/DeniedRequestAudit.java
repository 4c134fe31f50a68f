package org.gatehouse.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.web.problem.Problem;

/**
 * Every refused request is audited as DENIED (B.2.4.3-kf), whether the access filter or a boundary
 * refused it; repeated denials of one account raise an alert. Failed logins are audited by the
 * login itself.
 */
@Provider
@Priority(Priorities.USER)
public class DeniedRequestAudit implements ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger(DeniedRequestAudit.class.getName());

    @Inject
    AuditTrail audit;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status != 401 && status != 403) {
            return;
        }
        String type = response.getEntity() instanceof Problem problem ? problem.type().toString() : "status " + status;
        if (type.equals(ProblemType.LOGIN_FAILED.uri().toString())
                || type.equals(ProblemType.SECOND_FACTOR_REQUIRED.uri().toString())) {
            return;
        }
        Actor actor = CurrentActor.of(request);
        if (actor == null) {
            return;
        }
        try {
            audit.recordAlone(actor, AuditEntry.denied("access.denied",
                    request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath(), type));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not audit a denied request", e);
        }
    }
}
