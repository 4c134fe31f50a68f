package org.gatehouse.identity.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** B.1.3.2-il/im: at least the guide's rules (digits, upper and lower case, not empty), 12 characters by default. */
class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();
    private final LoginName alice = new LoginName("alice");

    @Test
    void acceptsAStrongPassword() {
        assertDoesNotThrow(() -> policy.check("Correct-Horse-42", alice));
    }

    @Test
    void namesEveryBrokenRule() {
        PasswordPolicy.WeakPassword weak = assertThrows(PasswordPolicy.WeakPassword.class, () -> policy.check("alice", alice));
        assertEquals(List.of("password.too-short", "password.no-digit", "password.no-upper", "password.contains-login"),
                weak.rules());
        assertEquals("The password needs at least 12 characters. It needs a digit. It needs an upper-case letter."
                + " It must not contain the login name.", weak.detail(Locale.ENGLISH));
        assertEquals("密码至少需要 12 个字符。 须包含数字。 须包含大写字母。 不得包含登录名。", weak.detail(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void rejectsEmptyBlankAndLoginContainingPasswords() {
        assertThrows(PasswordPolicy.WeakPassword.class, () -> policy.check("", alice));
        assertThrows(PasswordPolicy.WeakPassword.class, () -> policy.check("            ", alice));
        assertThrows(PasswordPolicy.WeakPassword.class, () -> policy.check("My-ALICE-password-1", alice));
    }

    @Test
    void minimumNeverFallsBelowTheGuide() {
        PasswordPolicy lax = new PasswordPolicy(3);
        assertEquals(6, lax.minimumLength());
        assertThrows(PasswordPolicy.WeakPassword.class, () -> lax.check("Ab1de", alice));
        assertDoesNotThrow(() -> lax.check("Ab1def", alice));
    }
}
