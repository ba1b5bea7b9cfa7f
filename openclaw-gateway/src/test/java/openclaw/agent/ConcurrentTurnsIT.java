package openclaw.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import openclaw.provider.openai.OpenAiChatProvider;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import openclaw.testkit.http.FakeHttpServer;
import openclaw.testkit.provider.openai.FakeOpenAiChatServer;
import openclaw.tool.ToolRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 budget: 1,000 concurrent streaming turns against a slow model run on virtual threads without a thread-pool
 * limit. Each turn streams a real Chat Completions SSE reply over loopback HTTP that takes about 12 s, far longer than it
 * takes all turns to pass their (serialised, durable) SQLite writes; so all 1,000 streams must be open at the same
 * time (a pool of 256 threads, the virtual-thread scheduler's compensation limit, would cap it) and all must
 * complete.
 */
class ConcurrentTurnsIT {

    private static final int TURNS = 1000;

    @TempDir
    Path tmp;

    /** Counts streams open at the same time. */
    static final class Counting implements ModelProvider {
        final ModelProvider delegate;
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        Counting(ModelProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public ChatStream stream(ChatRequest request) {
            ChatStream inner = delegate.stream(request);
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
            return new ChatStream() {
                private boolean closed;

                @Override
                public Optional<StreamEvent> next() {
                    return inner.next();
                }

                @Override
                public void close() {
                    if (!closed) {
                        closed = true;
                        open.decrementAndGet();
                    }
                    inner.close();
                }
            };
        }
    }

    private static List<String> slowReply() {
        String head =
                "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"slow\",\"choices\":";
        return List.of(
                head
                        + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"slow \"},\"finish_reason\":null}]}\n\n",
                head + "[{\"index\":0,\"delta\":{\"content\":\"reply\"},\"finish_reason\":null}]}\n\n",
                head + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
                head + "[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\ndata: [DONE]\n\n");
    }

    @Test
    void a_thousand_slow_streaming_turns_run_at_once_and_all_complete() throws Exception {
        try (FakeOpenAiChatServer model = FakeOpenAiChatServer.start();
                Store store = Store.open(StoreSettings.of("jdbc:sqlite:" + tmp.resolve("c.sqlite")))) {
            store.migrate();
            for (int i = 0; i < TURNS; i++) {
                model.http().enqueue(new FakeHttpServer.Reply.Stream("text/event-stream", slowReply(), 3000, false));
            }
            Counting provider = new Counting(OpenAiChatProvider.create("slow", model.baseUrl(), "k"));
            AgentRunner runner = new AgentRunner(new AgentRunner.Services(
                    new ProviderRegistry(Map.of("slow", provider)),
                    ToolRegistry.builtIns(store.sessions()),
                    store.sessions(),
                    store.transcripts(),
                    Clock.systemUTC(),
                    RetryPolicy.IMMEDIATE));
            AgentSpec agent = new AgentSpec(
                    "c", "", new ModelRef("slow", "slow"), List.of(), ThinkingLevel.DEFAULT, List.of(), 2);
            long start = System.nanoTime();
            List<Future<TurnResult>> results = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < TURNS; i++) {
                    String key = "agent:c:" + i;
                    results.add(threads.submit(
                            () -> runner.run(TurnRequest.of(agent, key, "hi"), new TurnControl(), e -> {})));
                }
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            for (Future<TurnResult> f : results) {
                assertThat(f.get().outcome()).as(f.get().error()).isEqualTo(TurnResult.Outcome.COMPLETED);
                assertThat(f.get().text()).isEqualTo("slow reply");
            }
            assertThat(provider.peak.get()).as("streams open at once").isGreaterThanOrEqualTo(TURNS * 9 / 10);
            assertThat(seconds).as("wall time for 1,000 turns of ~12 s each").isLessThan(90);
            assertThat(store.sessions().list(TURNS + 1)).hasSize(TURNS);
        }
    }
}
