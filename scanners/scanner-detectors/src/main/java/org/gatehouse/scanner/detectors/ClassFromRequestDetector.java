package org.gatehouse.scanner.detectors;

import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.BytecodeScanningDetector;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.ConstantString;

/**
 * The class-loading web shell (B.1.4.7; Behinder 冰蝎, Godzilla 哥斯拉 and their kin): a method that reads the servlet
 * request and defines a class from bytes — {@code ClassLoader.defineClass} (also through a custom loader's method
 * that takes bytes and returns a {@code Class}), {@code MethodHandles.Lookup.defineClass},
 * {@code Unsafe.defineAnonymousClass}, or {@code defineClass} looked up by reflection. Legitimate request handlers
 * do not turn bytes into classes, so the method-level co-occurrence is the signal: {@value #CLASS_FROM_REQUEST},
 * CWE-94.
 */
public class ClassFromRequestDetector extends BytecodeScanningDetector {
    static final String CLASS_FROM_REQUEST = "BACKDOOR_CLASS_FROM_REQUEST";

    private final BugReporter reporter;
    private final Set<String> readingRequest = new HashSet<>();
    private final Set<String> namingDefine = new HashSet<>();
    private final Map<String, BugInstance> definitions = new LinkedHashMap<>();

    public ClassFromRequestDetector(BugReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void visitClassContext(ClassContext classContext) {
        readingRequest.clear();
        namingDefine.clear();
        definitions.clear();
        super.visitClassContext(classContext);
        definitions.forEach((method, bug) -> {
            if (readingRequest.contains(method)) {
                reporter.reportBug(bug);
            }
        });
    }

    @Override
    public void sawOpcode(int seen) {
        String method = getMethodName() + getMethodSig();
        if ((seen == Const.LDC || seen == Const.LDC_W) && getConstantRefOperand() instanceof ConstantString
                && ServletApi.isDefineMethodName(getStringConstantOperand())) {
            namingDefine.add(method);
            return;
        }
        if (seen != Const.INVOKEVIRTUAL && seen != Const.INVOKEINTERFACE && seen != Const.INVOKESTATIC
                && seen != Const.INVOKESPECIAL) {
            return;
        }
        String owner = getClassConstantOperand();
        String name = getNameConstantOperand();
        if (ServletApi.isRequest(owner)) {
            readingRequest.add(method);
        }
        boolean reflective = owner.equals("java/lang/reflect/Method") && name.equals("invoke")
                && namingDefine.contains(method);
        if ((reflective || ServletApi.definesClass(name, getSigConstantOperand())) && !definitions.containsKey(method)) {
            definitions.put(method, new BugInstance(this, CLASS_FROM_REQUEST, HIGH_PRIORITY).addClassAndMethod(this)
                    .addCalledMethod(this).addSourceLine(this));
        }
    }
}
