package org.gatehouse.scanner.zapdriver;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zaproxy.clientapi.core.ApiResponseElement;
import org.zaproxy.clientapi.core.ClientApiException;

/** The connection check: which ZAP version answers at the configured address with the configured key. */
public final class ZapConnection {
    private static final Logger LOG = Logger.getLogger(ZapConnection.class.getName());

    private ZapConnection() {
    }

    /** Asks {@code core/view/version}; never throws for an unreachable, foreign or unwilling server. */
    public static ConnectionCheck check(ZapSettings settings) {
        ZapApi api = new ZapApi(settings, Redactor.of(settings.apiKey().value()));
        try {
            ConnectionCheck check = ConnectionCheck.answered(version(api), api.where());
            LOG.fine(check::message);
            return check;
        } catch (ZapCallFailed e) {
            LOG.log(Level.INFO, "ZAP connection check failed: {0}", e.getMessage());
            return ConnectionCheck.failed(e.problem(), e.getMessage());
        }
    }

    static String version(ZapApi api) throws ZapCallFailed {
        try {
            if (api.core.version() instanceof ApiResponseElement element && element.getName().equals("version")
                    && !element.getValue().isBlank()) {
                return element.getValue().strip();
            }
        } catch (ZapCallFailed e) {
            throw e;
        } catch (ClientApiException e) { // not thrown by ZapApi, declared by zap-clientapi
            throw new ZapCallFailed(ZapProblem.IO, "core/view/version failed", Optional.empty());
        }
        throw new ZapCallFailed(ZapProblem.NOT_ZAP, api.where() + " answered core/view/version without a version:"
                + " is this the address of ZAP's API?", Optional.empty());
    }
}
