package openclaw.chat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import openclaw.agent.TurnControl;

/**
 * A run known to {@link ChatRuns}: its request, its cancel handle, its outcome once it ended, and whether that outcome
 * is kept for replays after it ended.
 */
record ActiveRun(
        RunRequest request,
        long acceptedAtMs,
        TurnControl control,
        CompletableFuture<RunOutcome> done,
        boolean retained) {

    ActiveRun(RunRequest request, long acceptedAtMs, boolean retained) {
        this(request, acceptedAtMs, new TurnControl(), new CompletableFuture<>(), retained);
    }

    /** The outcome if the run has ended. */
    Optional<RunOutcome> outcomeNow() {
        return done.isDone() ? Optional.of(done.join()) : Optional.empty();
    }
}
