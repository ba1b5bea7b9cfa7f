package openclaw.agent;

import java.util.List;
import java.util.Optional;

/** The position in an agent's model chain (primary, then fallbacks) during one turn, and the last failure seen. */
final class Failover {

    private final List<ModelRef> chain;
    private int index;
    private String lastError = "";

    Failover(List<ModelRef> chain) {
        this.chain = List.copyOf(chain);
    }

    ModelRef current() {
        return chain.get(index);
    }

    void failed(String error) {
        lastError = error;
    }

    String lastError() {
        return lastError;
    }

    /** Moves to the next model, if any. */
    Optional<ModelRef> advance() {
        if (index + 1 >= chain.size()) {
            return Optional.empty();
        }
        index++;
        return Optional.of(chain.get(index));
    }
}
