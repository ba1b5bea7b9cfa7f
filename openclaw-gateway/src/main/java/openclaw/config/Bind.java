package openclaw.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the gateway listens ({@code gateway.bind}): {@code "loopback"} (127.0.0.1), {@code "lan"} (0.0.0.0) or an
 * IPv4/IPv6 literal. Written in the file as a plain string. Host names are not accepted because resolving them
 * would make the bind address depend on DNS at startup.
 */
public record Bind(String value) {

    /** The default: only local clients can connect. */
    public static final Bind LOOPBACK = new Bind("loopback");

    /** All interfaces. */
    public static final Bind LAN = new Bind("lan");

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    public Bind {
        Objects.requireNonNull(value, "value");
    }

    /** Jackson entry point: the plain string from the file. */
    @JsonCreator
    static Bind of(String value) {
        return new Bind(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The address to pass to the server socket. */
    public String host() {
        return switch (value) {
            case "loopback" -> "127.0.0.1";
            case "lan" -> "0.0.0.0";
            default -> value;
        };
    }

    /** True for {@code loopback}, any 127.x.x.x address and {@code ::1}. */
    public boolean isLoopback() {
        if (value.equals("loopback") || (IPV4.matcher(value).matches() && value.startsWith("127."))) {
            return true;
        }
        return ipv6(value).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** True when the value is one of the accepted forms. */
    boolean isValid() {
        return value.equals("loopback")
                || value.equals("lan")
                || IPV4.matcher(value).matches()
                || ipv6(value).isPresent();
    }

    private static Optional<InetAddress> ipv6(String literal) {
        // Only strings with ':' are handed to InetAddress: for those it parses a literal and never asks DNS.
        if (literal.indexOf(':') < 0 || !literal.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
