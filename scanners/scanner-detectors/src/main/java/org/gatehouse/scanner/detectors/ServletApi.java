package org.gatehouse.scanner.detectors;

import java.util.Set;

/** The servlet request and cookie types (javax and jakarta) as they appear in bytecode, and the calls that run code. */
final class ServletApi {
    private static final Set<String> REQUEST_TYPES = Set.of("ServletRequest", "http/HttpServletRequest",
            "ServletRequestWrapper", "http/HttpServletRequestWrapper");
    /** Names under which a class is defined from bytes: ClassLoader, SecureClassLoader, Lookup, Unsafe, custom loaders. */
    private static final Set<String> DEFINE_METHODS = Set.of("defineClass", "defineClass0", "defineClass1",
            "defineClass2", "defineAnonymousClass", "defineHiddenClass");

    private ServletApi() {
    }

    /** {@code javax/servlet/http/HttpServletRequest} and the like, in either namespace. */
    static boolean isRequest(String internalName) {
        return servletType(internalName).map(REQUEST_TYPES::contains).orElse(false);
    }

    static boolean isCookie(String internalName) {
        return servletType(internalName).map("http/Cookie"::equals).orElse(false);
    }

    /** A call that defines a class from bytes: a define method by name, or any method that takes bytes and returns a Class. */
    static boolean definesClass(String name, String signature) {
        return DEFINE_METHODS.contains(name)
                || signature.endsWith(")Ljava/lang/Class;") && signature.substring(0, signature.indexOf(')')).contains("[B");
    }

    /** A reflective lookup of a define method: {@code getDeclaredMethod("defineClass", ...)}. */
    static boolean isDefineMethodName(String constant) {
        return DEFINE_METHODS.contains(constant);
    }

    /** A call that runs a command or script: Runtime.exec, ProcessBuilder.start, ScriptEngine.eval. */
    static boolean runsCode(String owner, String name) {
        return owner.equals("java/lang/Runtime") && name.equals("exec")
                || owner.equals("java/lang/ProcessBuilder") && name.equals("start")
                || owner.startsWith("javax/script/") && name.equals("eval");
    }

    private static java.util.Optional<String> servletType(String internalName) {
        for (String prefix : new String[] {"javax/servlet/", "jakarta/servlet/"}) {
            if (internalName.startsWith(prefix)) {
                return java.util.Optional.of(internalName.substring(prefix.length()));
            }
        }
        return java.util.Optional.empty();
    }
}
