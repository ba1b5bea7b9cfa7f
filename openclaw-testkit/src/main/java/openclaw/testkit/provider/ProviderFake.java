package openclaw.testkit.provider;

import java.net.URI;
import java.util.List;
import openclaw.testkit.http.FakeHttpServer;

/**
 * A loopback fake of one provider's wire protocol, scripted in provider-neutral terms so {@link
 * ModelProviderContract} can run the same behaviours against every provider. Each method queues the reply to the next
 * request the provider makes.
 */
public interface ProviderFake extends AutoCloseable {

    /** The base URL to configure the provider with (as the provider's config would, e.g. ending in {@code /v1}). */
    URI baseUrl();

    /** A text answer streamed as these deltas, then usage (10 in, 5 out) and a normal stop. */
    void textTurn(String... deltas);

    /**
     * One tool call whose JSON arguments arrive in these fragments (concatenated they form the arguments), then a
     * stop that asks for tool results.
     */
    void toolCallTurn(String callId, String toolName, String... argumentFragments);

    /** Reasoning text (where the protocol streams it) followed by a text answer. */
    void thinkingTurn(String thinking, String answer);

    /** An error response: the status, a {@code retry-after} header in seconds (0 for none) and the protocol's body. */
    void error(int status, int retryAfterSeconds, String message);

    /** A stream that delivers this text and then dies without the protocol's end marker. */
    void cutAfter(String partialText);

    /** An event type the protocol does not define (to be skipped), then a text answer. */
    void unknownEventThenText(String text);

    /** A stream whose first chunk is not valid JSON (to be skipped or reported), then a text answer. */
    void malformedEventThenText(String text);

    /** The HTTP requests the provider made. */
    List<FakeHttpServer.Recorded> requests();

    @Override
    void close();
}
