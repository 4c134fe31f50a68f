package shop;

import java.io.IOException;

/** Command injection, the backdoor pattern (B.1.4.7): a parameter run as a command. */
public class Maintenance {
    public Process run(String command) throws IOException {
        return Runtime.getRuntime().exec(command);
    }
}
