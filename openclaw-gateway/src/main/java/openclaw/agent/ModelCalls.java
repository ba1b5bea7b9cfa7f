package openclaw.agent;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import openclaw.sdk.provider.ChatRequest;
import openclaw.sdk.provider.ModelProvider;
import openclaw.sdk.provider.ProviderException;

/**
 * One model call of a turn, with the agent's recovery: retryable provider failures are retried with backoff honouring
 * {@code retry-after} ({@link RetryPolicy}); when retries run out or the failure is not retryable, the call fails over
 * to the next model of the agent's chain ({@link Failover}). Each retry and failover is announced to the listener.
 * Thread-safe: it holds no state of its own.
 */
final class ModelCalls {

    private final ProviderRegistry providers;
    private final RetryPolicy retry;

    ModelCalls(ProviderRegistry providers, RetryPolicy retry) {
        this.providers = providers;
        this.retry = retry;
    }

    /**
     * The model's answer to {@code request}, from the chain's current model or, when that one fails for good, the
     * next ones; empty when every model failed or the turn was cancelled. Failures are recorded in {@code chain}.
     */
    Optional<ModelStep.Result> call(
            Failover chain, ChatRequest request, TurnControl control, Consumer<AgentEvent> listener) {
        while (true) {
            ModelRef ref = chain.current();
            Optional<ModelProvider> provider = providers.find(ref.provider());
            if (provider.isEmpty()) {
                chain.failed(noProvider(ref));
            } else {
                Optional<ModelStep.Result> done = retrying(provider.get(), ref, request, chain, control, listener);
                if (done.isPresent() || control.isCancelled()) {
                    return done;
                }
            }
            Optional<ModelRef> next = chain.advance();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            listener.accept(new AgentEvent.Failover(ref, next.get(), chain.lastError()));
        }
    }

    private Optional<ModelStep.Result> retrying(
            ModelProvider provider,
            ModelRef ref,
            ChatRequest request,
            Failover chain,
            TurnControl control,
            Consumer<AgentEvent> listener) {
        ChatRequest forModel = new ChatRequest(
                ref.name(),
                request.systemPrompt(),
                request.messages(),
                request.tools(),
                request.thinking(),
                request.maxOutputTokens(),
                request.sessionKey());
        for (int attempt = 1; ; attempt++) {
            try {
                ModelStep.Result r = ModelStep.run(provider, forModel, control, listener);
                if (r.finished() || control.isCancelled()) {
                    return Optional.of(r);
                }
                throw ProviderException.transport(ref + " ended its stream without finishing", null);
            } catch (ProviderException e) {
                if (control.isCancelled()) {
                    return Optional.empty();
                }
                chain.failed(ref + ": " + e.getMessage());
                if (!retry.shouldRetry(e, attempt)) {
                    return Optional.empty();
                }
                Duration delay = retry.delay(e, attempt);
                listener.accept(new AgentEvent.Retrying(ref, attempt + 1, delay.toMillis(), e.getMessage()));
                if (!sleep(delay, control)) {
                    return Optional.empty();
                }
            }
        }
    }

    private String noProvider(ModelRef ref) {
        String known = providers.ids().isEmpty() ? "none" : String.join(", ", providers.ids());
        return "no model provider '" + ref.provider() + "' is configured (configured: " + known + "); add"
                + " [providers." + ref.provider() + "] with type, baseUrl and apiKey to openclaw.toml, or set"
                + " OPENAI_API_KEY or ANTHROPIC_API_KEY";
    }

    /** Sleeps in slices so a cancel is noticed; false when cancelled. */
    private static boolean sleep(Duration delay, TurnControl control) {
        long end = System.nanoTime() + delay.toNanos();
        while (System.nanoTime() < end) {
            if (control.isCancelled()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !control.isCancelled();
    }
}
