package app.leadgen.websites.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Host name to addresses. Production uses the JDK's resolver; tests map made-up names. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
