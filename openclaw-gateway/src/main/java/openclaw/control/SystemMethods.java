package openclaw.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import openclaw.config.AuthMode;
import openclaw.config.Bind;
import openclaw.config.GatewayConfig;

/**
 * {@code system-presence} (who is connected) and {@code config.get} (a secret-free projection of the gateway section
 * of the config), the two read methods OpenClaw's {@code gateway probe} needs besides {@code health} and
 * {@code status}. Stateless.
 */
final class SystemMethods {

    /** OpenClaw's marker for a secret that is set but not shown. */
    static final String REDACTED = "__OPENCLAW_REDACTED__";

    private SystemMethods() {}

    static List<Method> all(ControlPlane plane, ControlServices s) {
        return List.of(
                new Method("system-presence", Principal.READ, Set.of(), (call, p) -> presence(plane, call.principal())),
                new Method("config.get", Principal.READ, Set.of(), (call, p) -> config(s)));
    }

    /** One OpenClaw PresenceEntry per authenticated socket; the client address only for admins. */
    private static ArrayNode presence(ControlPlane plane, Principal viewer) {
        ArrayNode entries = Frames.MAPPER.createArrayNode();
        for (ControlConnection c : plane.authenticated()) {
            Principal p = c.principal();
            ObjectNode e = entries.addObject()
                    .put("clientId", p.clientId())
                    .put("mode", p.mode())
                    .put("version", p.version())
                    .put("platform", p.platform())
                    .put("reason", "connect")
                    .put("ts", c.connectedAtMs());
            if (!p.deviceFamily().isEmpty()) {
                e.put("deviceFamily", p.deviceFamily());
            }
            p.instanceId().ifPresent(id -> e.put("instanceId", id));
            p.deviceId().ifPresent(id -> e.put("deviceId", id));
            e.putArray("roles").add(p.role());
            ArrayNode scopes = e.putArray("scopes");
            p.scopes().forEach(scopes::add);
            if (viewer.has(Principal.ADMIN)) {
                e.put("ip", c.address());
            }
        }
        return entries;
    }

    /**
     * OpenClaw's config snapshot shape ({@code exists}, {@code valid}, {@code issues}, {@code config}) holding only the
     * gateway section: mode, bind, port, auth mode (a configured token shows as {@value #REDACTED}) and control UI
     * origins. The TOML file itself, other sections and every secret stay on the server.
     */
    private static ObjectNode config(ControlServices s) {
        GatewayConfig g = s.config().get().gateway();
        ObjectNode snapshot = Frames.object().put("exists", true).put("valid", true);
        snapshot.putArray("issues");
        snapshot.putArray("legacyIssues");
        ObjectNode gateway = snapshot.putObject("config").putObject("gateway");
        gateway.put("mode", "local").put("port", s.port().getAsInt());
        Bind bind = g.bind();
        if (bind.equals(Bind.LOOPBACK) || bind.equals(Bind.LAN)) {
            gateway.put("bind", bind.value());
        } else {
            gateway.put("bind", "custom").put("customBindHost", bind.host());
        }
        ObjectNode auth = gateway.putObject("auth").put("mode", g.auth().mode() == AuthMode.NONE ? "none" : "token");
        if (g.auth().mode() != AuthMode.NONE) {
            auth.put("token", REDACTED);
        }
        ObjectNode controlUi = gateway.putObject("controlUi").put("enabled", true);
        g.controlUi().allowedOrigins().forEach(controlUi.withArray("allowedOrigins")::add);
        return snapshot;
    }
}
