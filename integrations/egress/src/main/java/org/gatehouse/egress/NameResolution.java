package org.gatehouse.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How a host name becomes addresses. The system's resolver in production; tests hand in one whose
 * answers they control (JDK 17 has no pluggable resolver), e.g. one that answers differently on its
 * second call, as a rebinding DNS server would.
 */
@FunctionalInterface
public interface NameResolution {
    /** The platform's resolver ({@link InetAddress#getAllByName}); literal addresses are parsed, not looked up. */
    NameResolution SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
