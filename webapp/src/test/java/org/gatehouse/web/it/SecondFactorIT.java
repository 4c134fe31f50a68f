package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.gatehouse.identity.secondfactor.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second factor with the default policy: administrators, security administrators and security
 * reviewers must enrol TOTP before anything else; logins then need a code or a recovery code, and
 * neither can be used twice (B.1.3.2-ij). Runs on a server of its own.
 */
class SecondFactorIT {
    private static OwnServer own;
    private static Api anonymous;

    @BeforeAll
    static void start() {
        own = OwnServer.start(env -> env.remove("GATEHOUSE_MFA_REQUIRED_ROLES"));
        anonymous = new Api(own.baseUri());
    }

    @AfterAll
    static void stop() {
        if (own != null) {
            own.close();
        }
    }

    @Test
    void administratorsEnrolTotpAndThenLogInWithCodesOrRecoveryCodesOnce() throws Exception {
        Api admin = Users.firstLogin(anonymous, "admin", Users.ADMIN_INITIAL_PASSWORD, Users.PASSWORD);
        assertTrue(admin.get("/api/v1/session").json().get("mustEnrolSecondFactor").asBoolean());
        assertProblem(admin.get("/api/v1/projects"), 403, "second-factor-enrolment-required");

        JsonNode enrolment = admin.post("/api/v1/session/totp", null).json();
        String otpauth = enrolment.get("otpauthUri").asText();
        assertTrue(otpauth.startsWith("otpauth://totp/Gatehouse%3Aadmin?secret="), otpauth);
        assertEquals(otpauth, decodeQr(enrolment.get("qrCode").asText()), "the QR code carries the otpauth URI");
        byte[] secret = base32(enrolment.get("secret").asText());

        assertProblem(admin.put("/api/v1/session/totp", "{\"code\":\"000000\"}".replace("000000", wrong(secret))), 400,
                "bad-request");
        long step = Totp.step(Instant.now().getEpochSecond());
        JsonNode recovery = admin.put("/api/v1/session/totp", "{\"code\":\"" + Totp.code(secret, step) + "\"}").json();
        assertEquals(10, recovery.get("recoveryCodes").size());
        assertEquals(200, admin.get("/api/v1/projects").status(), "enrolled: the restriction is gone");

        String login = "{\"login\":\"admin\",\"password\":\"" + Users.PASSWORD + "\"";
        assertProblem(anonymous.post("/api/v1/session", login + "}"), 401, "second-factor-required");
        assertProblem(anonymous.post("/api/v1/session", login + ",\"otp\":\"" + wrong(secret) + "\"}"), 401, "login-failed");
        assertProblem(anonymous.post("/api/v1/session", login + ",\"otp\":\"" + Totp.code(secret, step) + "\"}"), 401,
                "login-failed");  // the enrolment used this step: a replay

        String code = recovery.get("recoveryCodes").get(0).asText();
        assertEquals(200, anonymous.post("/api/v1/session", login + ",\"otp\":\"" + code + "\"}").status());
        assertProblem(anonymous.post("/api/v1/session", login + ",\"otp\":\"" + code + "\"}"), 401, "login-failed");
        Api.Reply next = anonymous.post("/api/v1/session", login + ",\"otp\":\"" + Totp.code(secret, step + 1) + "\"}");
        assertEquals(200, next.status(), "the next step's code is within the allowed skew: " + next);

        // Only the configured roles need it: a developer works without; a security reviewer must enrol.
        Users users = new Users(admin);
        // level 1: no vetting (C.1), whose security administrator would need a second factor here first
        String project = Fixtures.uniqueKey("MFA");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 1)).status());
        assertEquals(200, users.withProjectRole("DEVELOPER", project).get("/api/v1/projects").status());
        assertProblem(users.withProjectRole("SECURITY_REVIEWER", project).get("/api/v1/projects"), 403,
                "second-factor-enrolment-required");
    }

    private static String wrong(byte[] secret) {
        long step = Totp.step(Instant.now().getEpochSecond());
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (Totp.match(secret, code, step, 0).isEmpty()) {
                return code;
            }
        }
    }

    private static String decodeQr(String dataUrl) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUrl.substring("data:image/png;base64,".length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
