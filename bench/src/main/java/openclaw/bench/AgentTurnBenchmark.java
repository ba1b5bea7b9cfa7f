package openclaw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import openclaw.agent.AgentRunner;
import openclaw.agent.AgentSpec;
import openclaw.agent.ModelRef;
import openclaw.agent.ProviderRegistry;
import openclaw.agent.RetryPolicy;
import openclaw.agent.TurnControl;
import openclaw.agent.TurnRequest;
import openclaw.agent.TurnResult;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ChatStream;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.StopReason;
import openclaw.sdk.provider.StreamEvent;
import openclaw.sdk.provider.ThinkingLevel;
import openclaw.store.Store;
import openclaw.store.StoreSettings;
import openclaw.tool.ToolRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Gateway overhead of one agent turn (issue 3 budget: at most 1 ms p50): an instant in-process model, no tools, the
 * transcript persisted to a real SQLite store (WAL, synchronous=FULL). Each invocation is a new conversation: in
 * {@code fresh} mode an empty session, in {@code history} mode one already holding 20 messages (seeded untimed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AgentTurnBenchmark {

    @Param({"fresh", "history"})
    public String session;

    private Path dir;
    private Store store;
    private AgentRunner runner;
    private AgentSpec agent;
    private long counter;
    private String key;

    /** Answers every request at once with one text delta, usage and a normal stop. */
    static final class InstantProvider implements ModelProvider {
        @Override
        public String id() {
            return "instant";
        }

        @Override
        public ChatStream stream(ChatRequest request) {
            return new ChatStream() {
                private int next;

                @Override
                public Optional<StreamEvent> next() {
                    return switch (next++) {
                        case 0 -> Optional.of(new StreamEvent.TextDelta("Hello from the instant model."));
                        case 1 -> Optional.of(new StreamEvent.Usage(12, 7, 0));
                        case 2 -> Optional.of(new StreamEvent.Finished(StopReason.END_TURN));
                        default -> Optional.empty();
                    };
                }

                @Override
                public void close() {}
            };
        }
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("openclaw-bench");
        store = Store.open(StoreSettings.of("jdbc:sqlite:" + dir.resolve("bench.sqlite")));
        store.migrate();
        runner = instantRunner(store, Clock.systemUTC());
        agent = AGENT;
    }

    /** The agent bench turns run: the instant model, no tools. */
    static final AgentSpec AGENT = new AgentSpec(
            "bench",
            "You are a benchmark.",
            new ModelRef("instant", "m"),
            List.of(),
            ThinkingLevel.DEFAULT,
            List.of(),
            AgentSpec.DEFAULT_MAX_STEPS);

    /** An agent runner over {@code store} whose only provider is the {@link InstantProvider} ("instant"). */
    static AgentRunner instantRunner(Store store, Clock clock) {
        return new AgentRunner(new AgentRunner.Services(
                new ProviderRegistry(Map.of("instant", new InstantProvider())),
                ToolRegistry.builtIns(store.sessions()),
                store.sessions(),
                store.transcripts(),
                clock,
                RetryPolicy.DEFAULT));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        TempDirs.delete(dir);
    }

    /** In history mode, a new session already holding 20 messages before every (timed) turn. */
    @Setup(Level.Invocation)
    public void prepareSession() {
        key = "agent:bench:s" + counter++;
        if (session.equals("history")) {
            store.sessions().getOrCreate(key, "bench");
            for (int i = 0; i < 10; i++) {
                store.transcripts().append(key, "user", "{\"text\":\"question " + i + "\"}");
                store.transcripts()
                        .append(
                                key,
                                "assistant",
                                "{\"text\":\"answer " + i + "\",\"toolCalls\":[]," + "\"thinking\":[]}");
            }
        }
    }

    @Benchmark
    public TurnResult turn() {
        return runner.run(TurnRequest.of(agent, key, "hello"), new TurnControl(), e -> {});
    }
}
