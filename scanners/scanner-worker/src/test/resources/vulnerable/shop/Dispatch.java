package shop;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The clean lookalike of the backdoor samples (B.1.4.7): request values compared with dispatch words, a page number
 * and a header value, a key checked against configuration, and classes defined from bytes away from any request.
 * Nothing here may be reported.
 */
public class Dispatch {
    private final String configuredKey;

    public Dispatch(String configuredKey) {
        this.configuredKey = configuredKey;
    }

    public String route(HttpServletRequest request) {
        switch (request.getParameter("action")) {
            case "delete":
                return "delete";
            case "base64":
                return "encode";
            default:
                break;
        }
        if ("1".equals(request.getParameter("page")) || "application/json".equals(request.getHeader("Accept"))) {
            return "first";
        }
        if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            return "ajax";
        }
        return configuredKey.equals(request.getHeader("X-Api-Key")) ? "ok" : "no";
    }

    public Class<?> plugin(HttpServletRequest request) throws ClassNotFoundException {
        return Class.forName("shop.plugins." + request.getParameter("name").replaceAll("[^A-Za-z]", ""));
    }

    static final class Plugins extends ClassLoader {
        Class<?> load(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }
}
