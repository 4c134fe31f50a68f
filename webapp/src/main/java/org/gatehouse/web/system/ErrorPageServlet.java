package org.gatehouse.web.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.web.problem.Problem;
import org.gatehouse.web.problem.Problems;

/**
 * Errors outside JAX-RS (an unknown static path, a servlet failure) answer problem+json too
 * ({@code web.xml} routes the container's error pages here). Never a stack trace, never the
 * server's HTML error page.
 */
@WebServlet(urlPatterns = "/error-page")
public class ErrorPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? request.getRequestURI() : uri.toString();
        ProblemType type = ProblemType.forStatus(status);
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.ENGLISH
                : Problems.locale(Collections.list(request.getLocales()));
        Problem problem = Problems.problem(type, locale, Problems.genericDetail(type, locale), instance, List.of());
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.getWriter().write(JSONB.toJson(problem));
    }
}
