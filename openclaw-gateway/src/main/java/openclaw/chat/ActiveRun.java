package openclaw.chat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import openclaw.agent.TurnControl;

/** A run known to {@link ChatRuns}: its request, its cancel handle, and its outcome once it ended. */
record ActiveRun(RunRequest request, long acceptedAtMs, TurnControl control, CompletableFuture<RunOutcome> done) {

    ActiveRun(RunRequest request, long acceptedAtMs) {
        this(request, acceptedAtMs, new TurnControl(), new CompletableFuture<>());
    }

    /** The outcome if the run has ended. */
    Optional<RunOutcome> outcomeNow() {
        return done.isDone() ? Optional.of(done.join()) : Optional.empty();
    }
}
