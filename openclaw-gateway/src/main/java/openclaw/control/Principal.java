package openclaw.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a connection authenticated as: negotiated protocol, client, role, scopes and capabilities.
 *
 * @param protocol the negotiated protocol version (3 or 4)
 * @param clientId the client's id from OpenClaw's closed list ({@code cli}, {@code webchat}, ...)
 * @param mode the client's mode ({@code cli}, {@code webchat}, {@code backend}, ...)
 * @param version the client's version string
 * @param platform the client's platform
 * @param deviceFamily the client's device family ({@code ""} if it sent none)
 * @param instanceId the client's instance id, if it sent one
 * @param role {@code operator} or {@code node}
 * @param scopes the granted scopes
 * @param caps declared capabilities, e.g. {@code tool-events}
 * @param deviceId the verified device, if the client sent a device identity
 * @param authMethod {@code token}, {@code device-token} or {@code none}
 */
record Principal(
        int protocol,
        String clientId,
        String mode,
        String version,
        String platform,
        String deviceFamily,
        Optional<String> instanceId,
        String role,
        List<String> scopes,
        Set<String> caps,
        Optional<String> deviceId,
        String authMethod) {

    static final String READ = "operator.read";
    static final String WRITE = "operator.write";
    static final String ADMIN = "operator.admin";

    /** Whether a scope is granted; {@code operator.admin} implies every operator scope. */
    boolean has(String scope) {
        return covers(scopes, scope);
    }

    /** Whether {@code granted} includes {@code scope}: admin implies every operator scope, write implies read. */
    static boolean covers(List<String> granted, String scope) {
        return granted.contains(scope)
                || granted.contains(ADMIN) && scope.startsWith("operator.")
                || scope.equals(READ) && granted.contains(WRITE);
    }
}
