package org.gatehouse.web.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** Builds problem+json responses in the language the client asked for. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Problems() {
    }

    /** zh-CN when the client prefers any Chinese, English otherwise. */
    public static Locale locale(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if (locale.getLanguage().equals("zh")) {
                return CHINESE;
            }
            if (locale.getLanguage().equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    public static Locale locale(HttpHeaders headers) {
        try {
            return locale(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Locale.ENGLISH;
        }
    }

    public static String title(ProblemType type, Locale locale) {
        return DomainException.Messages.format(ProblemType.class, type.titleKey(), locale);
    }

    public static Problem problem(ProblemType type, Locale locale, String detail, String instance,
            List<Problem.FieldError> errors) {
        return new Problem(type.uri(), title(type, locale), type.status(), detail, instance,
                errors.isEmpty() ? null : errors);
    }

    public static Response response(ProblemType type, Locale locale, String detail, String instance) {
        return response(problem(type, locale, detail, instance, List.of()), locale);
    }

    public static Response response(Problem problem, Locale locale) {
        return Response.status(problem.status())
                .type(PROBLEM_JSON)
                .language(locale)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(problem)
                .build();
    }

    /** A generic detail for a status when nothing more specific is known. */
    public static String genericDetail(ProblemType type, Locale locale) {
        return DomainException.Messages.format(Problems.class, "detail." + type.slug(), locale);
    }
}
