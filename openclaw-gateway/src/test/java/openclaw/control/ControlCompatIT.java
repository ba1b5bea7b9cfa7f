package openclaw.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the official {@code openclaw} 2026.9.6 CLI sends and reads (captured from it against this gateway; see
 * docs/compatibility.md): its connect frames, the v4 params it adds, and the result shapes its commands print.
 */
class ControlCompatIT {

    @TempDir
    static Path home;

    static ControlGateway gateway;

    @BeforeAll
    static void start() {
        gateway = ControlGateway.start(home, "");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A connect exactly as {@code openclaw gateway health} / {@code agent} send it, with the given scopes. */
    private static String cliConnect(String clientId, String mode, String version, String scopes) {
        return RawSocket.req(
                "c1",
                "connect",
                "{\"minProtocol\":4,\"maxProtocol\":4,\"client\":{\"id\":\"" + clientId + "\",\"version\":\"" + version
                        + "\",\"platform\":\"linux\",\"deviceFamily\":\"Linux\",\"mode\":\"" + mode + "\","
                        + "\"instanceId\":\"494b1c6e-4837-43fb-a8f2-08a3e9dabc35\"},\"caps\":[],"
                        + "\"auth\":{\"token\":\"" + gateway.token() + "\"},\"role\":\"operator\",\"scopes\":"
                        + scopes + "}");
    }

    private static RawSocket cli(String scopes) {
        RawSocket s = RawSocket.open(gateway.port(), Optional.empty());
        s.event("connect.challenge");
        JsonNode hello = s.send(cliConnect("cli", "cli", "2026.9.6", scopes)).res("c1");
        assertThat(hello.path("ok").asBoolean()).as(hello.toString()).isTrue();
        return s;
    }

    private static JsonNode call(RawSocket s, String id, String method, String params) {
        return s.send(RawSocket.req(id, method, params)).res(id);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    @Test
    void the_connects_of_the_cli_probe_and_backend_clients_get_a_hello_within_openclaws_closed_schema() {
        for (String[] client :
                List.of(new String[] {"cli", "cli", "2026.9.6"}, new String[] {"cli", "probe", "dev"}, new String[] {
                    "gateway-client", "backend", "2026.9.6"
                })) {
            try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
                s.event("connect.challenge");
                JsonNode res = s.send(cliConnect(client[0], client[1], client[2], "[\"operator.read\"]"))
                        .res("c1");
                JsonNode hello = res.path("payload");
                assertThat(keys(hello))
                        .containsExactlyInAnyOrder(
                                "type", "protocol", "server", "features", "snapshot", "auth", "policy");
                assertThat(keys(hello.path("server"))).containsExactlyInAnyOrder("version", "connId");
                assertThat(keys(hello.path("features"))).containsExactlyInAnyOrder("methods", "events");
                assertThat(hello.path("features").path("methods").toString())
                        .contains("\"system-presence\"", "\"config.get\"");
                assertThat(keys(hello.path("snapshot")))
                        .isSubsetOf("presence", "health", "stateVersion", "uptimeMs", "sessionDefaults", "authMode");
                assertThat(keys(hello.path("auth")))
                        .isSubsetOf("method", "role", "scopes", "deviceToken", "issuedAtMs");
                assertThat(keys(hello.path("policy")))
                        .containsExactlyInAnyOrder("maxPayload", "maxBufferedBytes", "tickIntervalMs");
                assertThat(keys(hello.path("snapshot")
                                .path("health")
                                .path("agents")
                                .get(0)))
                        .containsExactlyInAnyOrder("agentId", "isDefault", "heartbeat", "sessions");
            }
        }
    }

    @Test
    void status_takes_the_clis_params_and_answers_with_openclaws_summary_besides_its_own_fields() {
        try (RawSocket s = cli("[\"operator.read\"]")) {
            JsonNode status = call(s, "1", "status", "{\"includeChannelSummary\":false,\"includeCliProjection\":true}")
                    .path("payload");
            assertThat(status.path("version").asText()).isNotEmpty();
            assertThat(status.path("storage").path("kind").asText()).isEqualTo("sqlite");
            assertThat(status.has("pid")).isFalse();
            assertThat(status.path("heartbeat").path("defaultAgentId").asText()).isEqualTo("main");
            assertThat(status.path("heartbeat")
                            .path("agents")
                            .get(0)
                            .path("enabled")
                            .asBoolean())
                    .isFalse();
            assertThat(status.path("sessions")
                            .path("byAgent")
                            .get(0)
                            .path("path")
                            .asText())
                    .isEqualTo("[redacted]");
            assertThat(status.path("sessions").path("paths")).isEmpty();
            assertThat(status.path("tasks").path("byStatus").path("queued").asInt())
                    .isZero();
            assertThat(status.path("cliProjection")
                            .path("agents")
                            .path("rows")
                            .get(0)
                            .path("id")
                            .asText())
                    .isEqualTo("main");
            JsonNode plain =
                    call(s, "2", "status", "{\"includeChannelSummary\":false}").path("payload");
            assertThat(plain.has("cliProjection")).isFalse();
        }
    }

    @Test
    void health_lists_each_agent_with_its_sessions_and_a_disabled_heartbeat() {
        try (RawSocket s = cli("[\"operator.read\"]")) {
            JsonNode health = call(s, "1", "health", "{}").path("payload");
            JsonNode agent = health.path("agents").get(0);
            assertThat(agent.path("agentId").asText()).isEqualTo("main");
            assertThat(agent.path("isDefault").asBoolean()).isTrue();
            assertThat(agent.path("heartbeat").path("everyMs").isNull()).isTrue();
            assertThat(keys(agent.path("sessions"))).containsExactlyInAnyOrder("path", "count", "recent");
        }
    }

    @Test
    void agents_list_has_openclaws_agent_summary_shape() {
        try (RawSocket s = cli("[\"operator.read\"]")) {
            JsonNode list = call(s, "1", "agents.list", "{}").path("payload");
            assertThat(list.path("defaultId").asText()).isEqualTo("main");
            JsonNode main = list.path("agents").get(0);
            assertThat(keys(main)).containsExactlyInAnyOrder("id", "name", "model");
            assertThat(main.path("model").path("primary").asText()).isEqualTo("echo/echo-1");
            assertThat(main.path("model").path("fallbacks").isArray()).isTrue();
        }
    }

    @Test
    void system_presence_lists_connected_clients_and_shows_addresses_only_to_admins() {
        String instance = "494b1c6e-4837-43fb-a8f2-08a3e9dabc35";
        try (RawSocket reader = cli("[\"operator.read\"]");
                RawSocket admin = cli("[\"operator.admin\"]")) {
            JsonNode seen = call(reader, "1", "system-presence", "{}").path("payload");
            assertThat(seen.isArray()).isTrue();
            // other tests of this class connect with the same instance id (as other clients), and the gateway may not
            // have seen their sockets close yet: look for this test's two sockets among them
            List<JsonNode> ours = new ArrayList<>();
            seen.forEach(e -> {
                if (e.path("instanceId").asText().equals(instance)
                        && e.path("clientId").asText().equals("cli")) {
                    ours.add(e);
                }
            });
            assertThat(ours).hasSizeGreaterThanOrEqualTo(2);
            assertThat(ours)
                    .allSatisfy(e -> assertThat(e.path("deviceFamily").asText()).isEqualTo("Linux"));
            assertThat(seen).allSatisfy(e -> assertThat(e.has("ip")).isFalse());
            JsonNode adminView = call(admin, "2", "system-presence", "{}").path("payload");
            assertThat(adminView)
                    .allSatisfy(e -> assertThat(e.path("ip").asText()).isEqualTo("127.0.0.1"));
        }
    }

    @Test
    void config_get_shows_the_gateway_section_without_the_token() {
        try (RawSocket s = cli("[\"operator.read\"]")) {
            JsonNode snapshot = call(s, "1", "config.get", "{}").path("payload");
            assertThat(snapshot.path("valid").asBoolean()).isTrue();
            JsonNode gw = snapshot.path("config").path("gateway");
            assertThat(gw.path("port").asInt()).isEqualTo(gateway.port());
            assertThat(gw.path("bind").asText()).isEqualTo("loopback");
            assertThat(gw.path("auth").path("token").asText()).isEqualTo(SystemMethods.REDACTED);
            assertThat(snapshot.toString()).doesNotContain(gateway.token());
        }
    }

    @Test
    void the_agent_method_takes_the_clis_params_and_answers_accepted_before_any_event() {
        try (RawSocket s = cli("[\"operator.write\"]")) {
            s.send(RawSocket.req(
                    "a",
                    "agent",
                    "{\"message\":\"hi\",\"agentId\":\"main\",\"deliver\":false,\"timeout\":600,"
                            + "\"idempotencyKey\":\"cli-run-1\"}"));
            JsonNode first = s.next(f -> f.path("type").asText().equals("res")
                    || f.path("event").asText().equals("agent")
                    || f.path("event").asText().equals("chat"));
            assertThat(first.path("type").asText()).isEqualTo("res");
            assertThat(first.path("payload").path("status").asText()).isEqualTo("accepted");
            JsonNode done = s.res("a");
            assertThat(done.path("payload").path("status").asText()).isEqualTo("ok");
            assertThat(done.path("payload")
                            .path("result")
                            .path("payloads")
                            .get(0)
                            .path("text")
                            .asText())
                    .isEqualTo("echo: hi");
        }
    }

    @Test
    void a_session_id_names_a_session_of_the_agent_and_a_model_override_is_refused_clearly() {
        try (RawSocket s = cli("[\"operator.write\"]")) {
            s.send(RawSocket.req(
                    "a",
                    "agent",
                    "{\"message\":\"hi\",\"agentId\":\"main\",\"sessionId\":\"abc\",\"idempotencyKey\":\"sid-1\"}"));
            s.res("a");
            assertThat(s.res("a").path("payload").path("status").asText()).isEqualTo("ok");
            JsonNode history = call(s, "h", "chat.history", "{\"sessionKey\":\"agent:main:abc\"}");
            assertThat(history.path("payload").path("messages")).hasSize(2);
            JsonNode model = call(
                    s, "m", "agent", "{\"message\":\"hi\",\"model\":\"openai/gpt-5\",\"idempotencyKey\":\"model-1\"}");
            assertThat(model.path("ok").asBoolean()).isFalse();
            assertThat(model.path("error").path("message").asText())
                    .contains("per-run model overrides", "[agents.<id>.model]");
        }
    }

    @Test
    void chat_deltas_carry_the_new_text_in_delta_text_and_the_agent_id() {
        try (RawSocket s = cli("[\"operator.write\"]")) {
            call(
                    s,
                    "1",
                    "chat.send",
                    "{\"sessionKey\":\"agent:main:deltas\",\"message\":\"hello there\",\"idempotencyKey\":\"d-1\","
                            + "\"deliver\":false}");
            List<JsonNode> deltas = new ArrayList<>();
            JsonNode f;
            do {
                f = s.next(x -> x.path("event").asText().equals("chat"));
                if (f.path("payload").path("state").asText().equals("delta")) {
                    deltas.add(f.path("payload"));
                }
            } while (!f.path("payload").path("state").asText().equals("final"));
            assertThat(f.path("payload").path("agentId").asText()).isEqualTo("main");
            StringBuilder joined = new StringBuilder();
            for (JsonNode d : deltas) {
                joined.append(d.path("deltaText").asText());
                assertThat(d.path("message").path("content").get(0).path("text").asText())
                        .isEqualTo(joined.toString());
            }
            assertThat(deltas).isNotEmpty();
        }
    }

    @Test
    void sessions_have_durable_ids_pages_and_a_stale_id_stops_a_delete() {
        try (RawSocket s = cli("[\"operator.admin\"]")) {
            for (String k : List.of("p1", "p2", "p3")) {
                s.send(RawSocket.req(
                        k,
                        "chat.send",
                        "{\"sessionKey\":\"agent:main:" + k + "\",\"message\":\"x\",\"idempotencyKey\":\"" + k
                                + "\"}"));
                s.next(f -> f.path("event").asText().equals("chat")
                        && f.path("payload").path("runId").asText().equals(k)
                        && f.path("payload").path("state").asText().equals("final"));
            }
            JsonNode page = call(s, "l1", "sessions.list", "{\"limit\":2,\"archived\":\"all\",\"includeGlobal\":true}")
                    .path("payload");
            assertThat(page.path("sessions")).hasSize(2);
            assertThat(page.path("hasMore").asBoolean()).isTrue();
            JsonNode next = call(s, "l2", "sessions.list", "{\"limit\":2,\"offset\":" + page.path("nextOffset") + "}")
                    .path("payload");
            assertThat(next.path("sessions").get(0).path("key").asText())
                    .isNotIn(
                            page.path("sessions").get(0).path("key").asText(),
                            page.path("sessions").get(1).path("key").asText());
            JsonNode row = page.path("sessions").get(0);
            String key = row.path("key").asText();
            String before = row.path("sessionId").asText();
            assertThat(before).hasSize(36);
            JsonNode reset =
                    call(s, "r", "sessions.reset", "{\"key\":\"" + key + "\"}").path("payload");
            assertThat(reset.path("entry").path("sessionId").asText()).isNotEqualTo(before);
            JsonNode stale = call(
                    s, "d1", "sessions.delete", "{\"key\":\"" + key + "\",\"expectedSessionId\":\"" + before + "\"}");
            assertThat(stale.path("ok").asBoolean()).isFalse();
            JsonNode deleted = call(
                            s,
                            "d2",
                            "sessions.delete",
                            "{\"key\":\"" + key + "\",\"expectedSessionId\":\""
                                    + reset.path("entry").path("sessionId").asText() + "\",\"deleteTranscript\":true}")
                    .path("payload");
            assertThat(deleted.path("deleted").asBoolean()).isTrue();
            assertThat(deleted.path("archived").isArray()).isTrue();
        }
    }

    @Test
    void the_tuis_session_subscription_gets_sessions_changed_and_describe_gives_the_row() {
        try (RawSocket tui = cli("[\"operator.read\",\"operator.write\"]")) {
            JsonNode sub = call(tui, "s", "sessions.subscribe", "{}").path("payload");
            assertThat(sub.path("subscribed").asBoolean()).isTrue();
            // not call(): waiting for the answer would skip the events that come with it
            tui.send(RawSocket.req(
                    "1",
                    "chat.send",
                    "{\"sessionKey\":\"agent:main:tui\",\"message\":\"hello\",\"idempotencyKey\":\"tui-1\"}"));
            JsonNode started = tui.event("sessions.changed").path("payload");
            assertThat(started.path("sessionKey").asText()).isEqualTo("agent:main:tui");
            assertThat(started.path("phase").asText()).isEqualTo("start");
            JsonNode ended = tui.event("sessions.changed").path("payload");
            assertThat(ended.path("phase").asText()).isEqualTo("end");
            assertThat(ended.path("runId").asText()).isEqualTo("tui-1");
            JsonNode session = call(tui, "d", "sessions.describe", "{\"key\":\"agent:main:tui\"}")
                    .path("payload")
                    .path("session");
            assertThat(session.path("key").asText()).isEqualTo("agent:main:tui");
            assertThat(session.path("model").asText()).isEqualTo("echo-1");
            assertThat(session.path("modelProvider").asText()).isEqualTo("echo");
            assertThat(call(tui, "n", "sessions.describe", "{\"key\":\"agent:main:none\"}")
                            .path("payload")
                            .path("session")
                            .isNull())
                    .isTrue();
        }
    }

    @Test
    void sessions_reset_needs_operator_admin_as_in_openclaw() {
        try (RawSocket s = cli("[\"operator.write\"]")) {
            JsonNode res = call(s, "r", "sessions.reset", "{\"key\":\"agent:main:main\"}");
            assertThat(res.path("ok").asBoolean()).isFalse();
            assertThat(res.path("error").path("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(res.path("error").path("details").path("missingScope").asText())
                    .isEqualTo("operator.admin");
        }
    }

    /** A connect with an Ed25519 device block signed over OpenClaw's v3 payload, as the CLI sends off loopback. */
    private static String deviceConnect(KeyPair keys, String nonce, String authJson, String signedToken, String scope)
            throws Exception {
        byte[] spki = keys.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        String id =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        long now = System.currentTimeMillis();
        String payload = String.join(
                "|",
                "v3",
                id,
                "cli",
                "cli",
                "operator",
                scope,
                Long.toString(now),
                signedToken,
                nonce,
                "linux",
                "linux");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(payload.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return RawSocket.req(
                "c1",
                "connect",
                "{\"minProtocol\":4,\"maxProtocol\":4,\"client\":{\"id\":\"cli\",\"version\":\"2026.9.6\","
                        + "\"platform\":\"linux\",\"deviceFamily\":\"Linux\",\"mode\":\"cli\"},\"caps\":[],"
                        + "\"auth\":" + authJson + ",\"role\":\"operator\",\"scopes\":[\"" + scope + "\"],"
                        + "\"device\":{\"id\":\"" + id + "\",\"publicKey\":\"" + b64.encodeToString(raw)
                        + "\",\"signature\":\"" + b64.encodeToString(signer.sign()) + "\",\"signedAt\":" + now
                        + ",\"nonce\":\"" + nonce + "\"}}");
    }

    /** Opens a socket, connects as the device and returns the connect answer. */
    private static JsonNode deviceHello(KeyPair keys, String authJson, String signedToken, String scope)
            throws Exception {
        try (RawSocket s = RawSocket.open(gateway.port(), Optional.empty())) {
            String nonce =
                    s.event("connect.challenge").path("payload").path("nonce").asText();
            return s.send(deviceConnect(keys, nonce, authJson, signedToken, scope))
                    .res("c1");
        }
    }

    private static String tokenAuth(String token) {
        return "{\"token\":\"" + token + "\"}";
    }

    private static String deviceTokenAuth(String token) {
        return "{\"deviceToken\":\"" + token + "\"}";
    }

    @Test
    void a_device_gets_a_device_token_and_reconnects_with_it_alone_or_beside_a_stale_shared_token() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        JsonNode first = deviceHello(keys, tokenAuth(gateway.token()), gateway.token(), "operator.write");
        assertThat(first.path("ok").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.path("payload").path("auth").path("method").asText()).isEqualTo("token");
        String deviceToken =
                first.path("payload").path("auth").path("deviceToken").asText();
        assertThat(deviceToken).isNotEmpty();

        JsonNode alone = deviceHello(keys, deviceTokenAuth(deviceToken), deviceToken, "operator.write");
        assertThat(alone.path("payload").path("auth").path("method").asText()).isEqualTo("device-token");

        JsonNode mismatch = deviceHello(keys, tokenAuth("stale-token"), "stale-token", "operator.write");
        JsonNode details = mismatch.path("error").path("details");
        assertThat(details.path("code").asText()).isEqualTo("AUTH_TOKEN_MISMATCH");
        assertThat(details.path("canRetryWithDeviceToken").asBoolean()).isTrue();
        assertThat(details.path("recommendedNextStep").asText()).isEqualTo("retry_with_device_token");

        // the client's retry: the stale shared token (also signed) plus its stored device token
        JsonNode retried = deviceHello(
                keys,
                "{\"token\":\"stale-token\",\"deviceToken\":\"" + deviceToken + "\"}",
                "stale-token",
                "operator.write");
        assertThat(retried.path("payload").path("auth").path("method").asText()).isEqualTo("device-token");

        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        JsonNode refused = deviceHello(other, deviceTokenAuth(deviceToken), deviceToken, "operator.write");
        assertThat(refused.path("ok").asBoolean()).isFalse();
        assertThat(refused.path("error").path("details").path("code").asText()).isEqualTo("AUTH_DEVICE_TOKEN_MISMATCH");
    }

    @Test
    void a_device_token_keeps_its_scopes_and_neither_a_probe_nor_a_wider_grant_revokes_it() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String writeToken = deviceHello(keys, tokenAuth(gateway.token()), gateway.token(), "operator.write")
                .path("payload")
                .path("auth")
                .path("deviceToken")
                .asText();

        // a read-only probe with the shared token: write covers read, so no new token replaces the stored one
        JsonNode probe = deviceHello(keys, tokenAuth(gateway.token()), gateway.token(), "operator.read");
        assertThat(probe.path("payload").path("auth").has("deviceToken")).isFalse();
        assertThat(deviceHello(keys, deviceTokenAuth(writeToken), writeToken, "operator.read")
                        .path("ok")
                        .asBoolean())
                .isTrue();

        // more than it was granted: refused, and no escalation through the device token
        JsonNode admin = deviceHello(keys, deviceTokenAuth(writeToken), writeToken, "operator.admin");
        assertThat(admin.path("ok").asBoolean()).isFalse();
        assertThat(admin.path("error").path("details").path("code").asText()).isEqualTo("AUTH_SCOPE_MISMATCH");

        // the shared token widens it: a new token with both scopes
        String widened = deviceHello(keys, tokenAuth(gateway.token()), gateway.token(), "operator.admin")
                .path("payload")
                .path("auth")
                .path("deviceToken")
                .asText();
        assertThat(widened).isNotEmpty().isNotEqualTo(writeToken);
        assertThat(deviceHello(keys, deviceTokenAuth(widened), widened, "operator.admin")
                        .path("ok")
                        .asBoolean())
                .isTrue();
        // and the first token, which another client store of the device may hold, still works
        assertThat(deviceHello(keys, deviceTokenAuth(writeToken), writeToken, "operator.write")
                        .path("ok")
                        .asBoolean())
                .isTrue();
    }
}
