package org.gatehouse.scanner.detectors;

import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.OpcodeStack;
import edu.umd.cs.findbugs.ba.ClassContext;
import edu.umd.cs.findbugs.bcel.OpcodeStackDetector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.bcel.Const;

/**
 * Magic-key backdoors (B.1.4.7): a servlet request parameter, header or cookie value compared with a hard-coded
 * string that looks like a secret ({@link RequestSecrets}) — {@value #REQUEST_SECRET}, CWE-798; when the same method
 * also runs a command, a script or a class defined from bytes, the comparison guards hidden functionality —
 * {@value #HIDDEN_COMMAND}, CWE-912. Request values are followed through locals and {@code trim}/{@code toLowerCase}
 * by the operand stack's user values; comparisons are {@code String.equals}, {@code equalsIgnoreCase},
 * {@code contentEquals} and {@code Objects.equals}, either way round (a {@code switch} on strings is an
 * {@code equals} too).
 */
@OpcodeStack.CustomUserValue
public class RequestSecretDetector extends OpcodeStackDetector {
    static final String REQUEST_SECRET = "BACKDOOR_REQUEST_SECRET";
    static final String HIDDEN_COMMAND = "BACKDOOR_HIDDEN_COMMAND";
    private static final Set<String> VALUE_GETTERS = Set.of("getParameter", "getHeader");
    private static final Set<String> PASS_THROUGH = Set.of("trim", "strip", "toLowerCase", "toUpperCase", "intern");

    private final BugReporter reporter;
    private final List<Comparison> comparisons = new ArrayList<>();
    private final Set<String> methodsRunningCode = new HashSet<>();
    private Optional<RequestValue> produced = Optional.empty();

    /** A value read from the request; the field's name when it was a constant. */
    record RequestValue(Optional<String> field) {
    }

    private record Comparison(String method, BugInstance bug, RequestSecrets.Sign sign) {
    }

    public RequestSecretDetector(BugReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void visitClassContext(ClassContext classContext) {
        comparisons.clear();
        methodsRunningCode.clear();
        super.visitClassContext(classContext);
        for (Comparison comparison : comparisons) {
            int priority = comparison.sign() == RequestSecrets.Sign.BOTH ? HIGH_PRIORITY : NORMAL_PRIORITY;
            comparison.bug().setPriority(priority);
            reporter.reportBug(comparison.bug());
            if (methodsRunningCode.contains(comparison.method())) {
                BugInstance hidden = new BugInstance(this, HIDDEN_COMMAND, HIGH_PRIORITY);
                comparison.bug().getAnnotations().forEach(hidden::add);
                reporter.reportBug(hidden);
            }
        }
    }

    @Override
    public void sawOpcode(int seen) {
        produced = Optional.empty();
        if (seen != Const.INVOKEVIRTUAL && seen != Const.INVOKEINTERFACE && seen != Const.INVOKESTATIC) {
            return;
        }
        String owner = getClassConstantOperand();
        String name = getNameConstantOperand();
        String signature = getSigConstantOperand();
        if (ServletApi.runsCode(owner, name) || ServletApi.definesClass(name, signature)) {
            methodsRunningCode.add(getMethodName() + getMethodSig());
        }
        if (ServletApi.isRequest(owner) && VALUE_GETTERS.contains(name)
                && signature.equals("(Ljava/lang/String;)Ljava/lang/String;") && stack.getStackDepth() > 0) {
            produced = Optional.of(new RequestValue(constant(stack.getStackItem(0))));
        } else if (ServletApi.isCookie(owner) && name.equals("getValue")) {
            produced = Optional.of(new RequestValue(Optional.empty()));
        } else if (owner.equals("java/lang/String") && PASS_THROUGH.contains(name) && signature.startsWith("()")
                && stack.getStackDepth() > 0) {
            produced = requestValue(stack.getStackItem(0));
        } else if (isComparison(owner, name, signature) && stack.getStackDepth() > 1) {
            compare(stack.getStackItem(1), stack.getStackItem(0));
            compare(stack.getStackItem(0), stack.getStackItem(1));
        }
    }

    @Override
    public void afterOpcode(int seen) {
        Optional<RequestValue> value = produced;
        super.afterOpcode(seen);
        if (value.isPresent() && stack.getStackDepth() > 0) {
            stack.getStackItem(0).setUserValue(value.get());
        }
    }

    private void compare(OpcodeStack.Item value, OpcodeStack.Item other) {
        Optional<RequestValue> request = requestValue(value);
        Optional<String> constant = constant(other);
        if (request.isEmpty() || constant.isEmpty()) {
            return;
        }
        RequestSecrets.judge(request.get().field(), constant.get()).ifPresent(sign -> comparisons.add(new Comparison(
                getMethodName() + getMethodSig(), new BugInstance(this, REQUEST_SECRET, NORMAL_PRIORITY)
                        .addClassAndMethod(this).addString(request.get().field().orElse("?")).addSourceLine(this),
                sign)));
    }

    private static boolean isComparison(String owner, String name, String signature) {
        return owner.equals("java/lang/String") && (name.equals("equals") || name.equals("equalsIgnoreCase")
                || name.equals("contentEquals")) && signature.endsWith(")Z")
                || owner.equals("java/util/Objects") && name.equals("equals");
    }

    private static Optional<RequestValue> requestValue(OpcodeStack.Item item) {
        return item.getUserValue() instanceof RequestValue value ? Optional.of(value) : Optional.empty();
    }

    private static Optional<String> constant(OpcodeStack.Item item) {
        return item.getConstant() instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
