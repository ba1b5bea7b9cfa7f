package openclaw.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import openclaw.auth.AuthThrottle;
import openclaw.auth.GatewayAuth;
import openclaw.config.AuthMode;

/**
 * Checks a {@code connect} request: schema, protocol range, client id and mode, shared-token (or device-token) auth
 * under the per-address failure throttle, and the optional device identity. Returns the {@link Principal} or throws
 * an {@link RpcException} that closes the socket. Stateless apart from the services it is given.
 */
final class Handshake {

    static final int MIN_PROTOCOL = 3;
    static final int MAX_PROTOCOL = 4;

    static final Set<String> CLIENT_IDS = Set.of(
            "webchat-ui",
            "openclaw-control-ui",
            "openclaw-browser-copilot",
            "openclaw-tui",
            "webchat",
            "cli",
            "gateway-client",
            "openclaw-macos",
            "openclaw-linux",
            "openclaw-ios",
            "openclaw-watchos",
            "openclaw-android",
            "node-host",
            "openclaw-worker",
            "test",
            "fingerprint",
            "openclaw-probe");
    static final Set<String> CLIENT_MODES =
            Set.of("webchat", "cli", "ui", "backend", "node", "worker", "probe", "test");

    private static final Set<String> CONNECT_FIELDS = Set.of(
            "minProtocol",
            "maxProtocol",
            "client",
            "caps",
            "commands",
            "computerUse",
            "workerRuns",
            "permissions",
            "pathEnv",
            "role",
            "scopes",
            "modelCatalog",
            "device",
            "auth",
            "locale",
            "userAgent");
    private static final Set<String> CLIENT_FIELDS = Set.of(
            "id",
            "displayName",
            "version",
            "buildId",
            "platform",
            "deviceFamily",
            "modelIdentifier",
            "timeZone",
            "mode",
            "instanceId");
    private static final Set<String> AUTH_FIELDS = Set.of(
            "token", "bootstrapToken", "deviceToken", "password", "approvalRuntimeToken", "agentRuntimeIdentityToken");

    /** OpenClaw's public detail code for each auth failure reason. */
    private static final java.util.Map<String, String> AUTH_CODES = java.util.Map.of(
            "token_missing", "AUTH_TOKEN_MISSING",
            "token_mismatch", "AUTH_TOKEN_MISMATCH",
            "device_token_mismatch", "AUTH_DEVICE_TOKEN_MISMATCH",
            "rate_limited", "AUTH_RATE_LIMITED",
            "scope_mismatch", "AUTH_SCOPE_MISMATCH");

    private final GatewayAuth auth;
    private final AuthThrottle throttle;
    private final DeviceTokens devices;
    private final Clock clock;
    private final SharedValues shared = new SharedValues();

    Handshake(GatewayAuth auth, AuthThrottle throttle, DeviceTokens devices, Clock clock) {
        this.auth = auth;
        this.throttle = throttle;
        this.devices = devices;
        this.clock = clock;
    }

    /** The authenticated principal and the device token issued to it, if any. */
    record Result(Principal principal, Optional<String> issuedDeviceToken) {}

    Result check(JsonNode rawParams, String nonce, String address) {
        Params params = Params.of("connect", rawParams, CONNECT_FIELDS);
        int protocol = negotiate(params);
        JsonNode client = params.raw("client");
        if (!client.isObject()) {
            throw invalid("must have required property 'client'");
        }
        Params.of("connect", client, CLIENT_FIELDS);
        String clientId = enumValue(client, "id", CLIENT_IDS);
        String mode = enumValue(client, "mode", CLIENT_MODES);
        String version = requiredText(client, "version");
        String platform = requiredText(client, "platform");
        String role = params.optString("role", 64).orElse("operator");
        if (!role.equals("operator") && !role.equals("node")) {
            throw invalid("role must be operator or node");
        }
        List<String> scopes = stringList(params.raw("scopes"), "scopes");
        Set<String> caps = new LinkedHashSet<>(stringList(params.raw("caps"), "caps"));
        JsonNode authBlock = params.raw("auth");
        if (!authBlock.isMissingNode()) {
            Params.of("connect", authBlock, AUTH_FIELDS);
        }
        String token = authBlock.path("token").asText("");
        String deviceToken = authBlock.path("deviceToken").asText("");
        Optional<DeviceIdentity.Verified> device = Optional.empty();
        JsonNode deviceBlock = params.raw("device");
        if (deviceBlock.isObject()) {
            device = Optional.of(DeviceIdentity.verify(
                    deviceBlock,
                    new DeviceIdentity.Claims(
                            clientId,
                            mode,
                            role,
                            scopes,
                            token.isEmpty() ? deviceToken : token,
                            nonce,
                            platform,
                            client.path("deviceFamily").asText("")),
                    clock.millis()));
        }
        String method = authenticate(address, token, deviceToken, device, role, scopes);
        Optional<String> issued = Optional.empty();
        if (device.isPresent() && method.equals("token")) {
            issued = devices.issueIfNeeded(device.get(), role, scopes);
        }
        // every authenticated socket keeps its principal: most of its strings are the same for all clients of a kind
        Principal principal = new Principal(
                protocol,
                shared.text(clientId),
                shared.text(mode),
                shared.text(version),
                shared.text(platform),
                shared.text(client.path("deviceFamily").asText("")),
                Optional.ofNullable(client.path("instanceId").textValue()),
                shared.text(role),
                shared.list(scopes),
                shared.set(caps),
                device.map(DeviceIdentity.Verified::deviceId),
                method);
        return new Result(principal, issued);
    }

    private String authenticate(
            String address,
            String token,
            String deviceToken,
            Optional<DeviceIdentity.Verified> device,
            String role,
            List<String> scopes) {
        Optional<Duration> locked = throttle.lockedOut(address);
        if (locked.isPresent()) {
            throw authError(
                            "rate_limited",
                            "too many failed authentication attempts; retry later",
                            false,
                            "wait_then_retry")
                    .retryAfter(locked.get().toMillis());
        }
        if (auth.mode() == AuthMode.NONE) {
            return "none";
        }
        if (!token.isEmpty() && auth.authorizeToken(token)) {
            throttle.success(address);
            return "token";
        }
        // also with a wrong shared token: OpenClaw's client retries a token mismatch with token and device token
        Optional<DeviceTokens.Grant> grant = deviceToken.isEmpty() || device.isEmpty()
                ? Optional.empty()
                : devices.matches(device.get().deviceId(), deviceToken);
        if (grant.isPresent()) {
            throttle.success(address);
            if (!grant.get().covers(role, scopes)) {
                throw authError(
                        "scope_mismatch",
                        "unauthorized: the device token allows role "
                                + grant.get().role() + " with scopes "
                                + grant.get().scopes() + ", not " + role + " with " + scopes
                                + "; connect once with the gateway token to widen it",
                        false,
                        "review_auth_configuration");
            }
            return "device-token";
        }
        Optional<Duration> lockout = throttle.failure(address);
        RpcException e;
        if (token.isEmpty() && deviceToken.isEmpty()) {
            e = authError(
                    "token_missing",
                    "unauthorized: gateway token missing (set auth.token to the gateway token)",
                    false,
                    "update_auth_configuration");
        } else if (!deviceToken.isEmpty()) {
            // the client drops a stored device token on this code and falls back to the shared token
            e = authError(
                    "device_token_mismatch", "unauthorized: device token mismatch", false, "update_auth_credentials");
        } else {
            // a device that also holds a device token may retry with it (OpenClaw's canRetryWithDeviceToken)
            boolean retry = device.isPresent();
            e = authError(
                    "token_mismatch",
                    "unauthorized: gateway token mismatch (set OPENCLAW_GATEWAY_TOKEN or [gateway.auth] token to the"
                            + " gateway's token)",
                    retry,
                    retry ? "retry_with_device_token" : "update_auth_credentials");
        }
        if (lockout.isPresent()) {
            throw e.retryAfter(lockout.get().toMillis());
        }
        throw e;
    }

    private static int negotiate(Params params) {
        long min = params.optLong("minProtocol", 1, Integer.MAX_VALUE)
                .orElseThrow(() -> invalid("must have required property 'minProtocol'"));
        long max = params.optLong("maxProtocol", 1, Integer.MAX_VALUE)
                .orElseThrow(() -> invalid("must have required property 'maxProtocol'"));
        if (min > max || max < MIN_PROTOCOL || min > MAX_PROTOCOL) {
            ObjectNode details = Frames.object().put("expectedProtocol", MAX_PROTOCOL);
            details.putArray("supportedProtocols").add(MIN_PROTOCOL).add(MAX_PROTOCOL);
            throw RpcException.invalid("protocol mismatch: this gateway speaks protocol " + MIN_PROTOCOL + " to "
                            + MAX_PROTOCOL + ", the client " + min + " to " + max)
                    .withDetails(details)
                    .closing(1002);
        }
        return (int) Math.min(max, MAX_PROTOCOL);
    }

    private static String enumValue(JsonNode client, String field, Set<String> allowed) {
        String value = requiredText(client, field);
        if (!allowed.contains(value)) {
            throw invalid("client." + field + " '" + value + "' is not one of " + new java.util.TreeSet<>(allowed));
        }
        return value;
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw invalid("client." + field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static List<String> stringList(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw invalid("'" + field + "' must be an array of strings");
        }
        for (JsonNode v : node) {
            if (!v.isTextual() || v.asText().isEmpty()) {
                throw invalid("'" + field + "' must be an array of non-empty strings");
            }
            values.add(v.asText());
        }
        return values;
    }

    private static RpcException invalid(String problem) {
        return RpcException.invalidParams("connect", problem).closing(1008);
    }

    /**
     * OpenClaw's handshake auth failure: {@code details} with the public {@code code}, the {@code authReason},
     * {@code canRetryWithDeviceToken} and one of its {@code recommendedNextStep} values; closes with 1008.
     */
    private static RpcException authError(String reason, String message, boolean canRetry, String nextStep) {
        ObjectNode details = Frames.object()
                .put("code", AUTH_CODES.get(reason))
                .put("authReason", reason)
                .put("canRetryWithDeviceToken", canRetry)
                .put("recommendedNextStep", nextStep);
        return RpcException.invalid(message).withDetails(details).closing(1008);
    }
}
